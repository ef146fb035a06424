import Foundation

extension RaceResult {
  /// One implementation at one size, against the fastest there.
  package struct Standing: Codable, Sendable, Equatable {
    package var n: Int
    package var name: String
    /// The fastest sample (seconds, or instructions, per call).
    package var best: Double
    /// `best` over the fastest implementation's `best` at this size (1 for
    /// the fastest itself).
    package var ratio: Double
    /// The smallest and largest ratio of one round's sample to the fastest
    /// implementation's sample of the same round: the spread over rounds.
    package var low: Double
    package var high: Double
  }

  /// One implementation's speed-up in a scaling race.
  package struct Scaling: Codable, Sendable, Equatable {
    package var workers: Int
    package var name: String
    /// Fastest time at the smallest worker count over fastest time here.
    package var speedup: Double
    /// `speedup` divided by the growth in workers: 1 is perfect scaling.
    package var efficiency: Double
  }

  /// The sizes every implementation was timed at, ascending.
  package var sizes: [Int] {
    let sets = entries.map { Set($0.points.filter { !$0.samples.isEmpty }.map(\.n)) }
    guard let first = sets.first else { return [] }
    return sets.dropFirst().reduce(first) { $0.intersection($1) }.sorted()
  }

  /// Per size, every implementation against the fastest there.
  package var standings: [Standing] {
    sizes.flatMap { n -> [Standing] in
      let points = entries.map { e in e.points.first { $0.n == n }! }
      let fastest = points.indices.min { points[$0].best < points[$1].best }!
      let reference = points[fastest]
      return zip(entries, points).map { entry, p in
        let finite = Self.pairedRatios(p, to: reference).filter(\.isFinite)
        return Standing(
          n: n, name: entry.name, best: p.best, ratio: p.best / reference.best,
          low: finite.min() ?? .nan, high: finite.max() ?? .nan)
      }
    }
  }

  /// Round by round, `p`'s sample over `reference`'s of the same round
  /// (samples interleave, so sample r of each is from round r); against
  /// `reference`'s fastest where the rounds do not match.
  static func pairedRatios(_ p: Point, to reference: Point) -> [Double] {
    p.samples.count == reference.samples.count
      ? zip(p.samples, reference.samples).map { $0 / $1 }
      : p.samples.map { $0 / reference.best }
  }

  /// Speed-up and efficiency per implementation and worker count, against
  /// the smallest worker count (empty unless `isScaling`).
  package var scaling: [Scaling] {
    let sizes = sizes
    guard isScaling, let base = sizes.first else { return [] }
    return sizes.flatMap { w in
      entries.map { e in
        let t0 = e.points.first { $0.n == base }!.best
        let t = e.points.first { $0.n == w }!.best
        let speedup = t0 / t
        return Scaling(
          workers: w, name: e.name, speedup: speedup,
          efficiency: speedup / (Double(w) / Double(base)))
      }
    }
  }

  /// The implementation with the smallest geometric mean of its ratios to
  /// the fastest: the overall winner.
  package var winner: String? {
    let standings = standings
    return entries.map(\.name).min { a, b in
      score(a, standings) < score(b, standings)
    }
  }

  /// One line per other implementation, against the winner:
  ///
  ///     comp is 1.7x faster than loop (1.6-1.8 over n = 1k..1M), both O(n)
  ///
  /// The factor is the median over sizes of the ratio of fastest samples,
  /// the range its smallest and largest value over sizes. A scaling race
  /// adds each implementation's speed-up at the largest worker count.
  package var summary: [String] {
    let sizes = sizes
    guard let winner, !sizes.isEmpty else {
      return ["no implementation was timed at every size"]
    }
    let standings = standings
    let span = "\(variable) = \(label(sizes.first!))..\(label(sizes.last!))"
    var lines: [String] = []
    for entry in entries where entry.name != winner {
      let ratios = sizes.map { n in
        ratio(entry.name, n, standings) / ratio(winner, n, standings)
      }
      let factor = median(ratios)
      let range = "\(Self.factor(ratios.min()!))-\(Self.factor(ratios.max()!)) over \(span)"
      var line: String
      // A range over sizes that spans 1 names no winner.
      let spans = ratios.min()! < 1 && ratios.max()! > 1
      switch (metric, factor < 1.05) {
      case (.time, _) where spans:
        line = "cannot tell whether \(winner) or \(entry.name) is faster on this machine (\(range))"
      case (.time, true): line = "\(winner) and \(entry.name) are about as fast (\(range))"
      case (.time, false):
        line = "\(winner) is \(Self.factor(factor))x faster than \(entry.name) (\(range))"
      case (.instructions, true):
        line = "\(winner) and \(entry.name) execute about as many instructions (\(range))"
      case (.instructions, false):
        line =
          "\(winner) executes \(Self.factor(factor))x fewer instructions than \(entry.name) "
          + "(\(range))"
      case (.memory, true):
        line = "\(winner) and \(entry.name) need about as much memory (\(range))"
      case (.memory, false):
        line = "\(winner) needs \(Self.factor(factor))x less memory than \(entry.name) (\(range))"
      case (.allocated, true):
        line = "\(winner) and \(entry.name) allocate about as much in all (\(range))"
      case (.allocated, false):
        line =
          "\(winner) allocates \(Self.factor(factor))x less in all than \(entry.name) (\(range))"
      }
      if let classes = classes(winner, entry.name) { line += ", " + classes }
      lines.append(line)
    }
    if isScaling, let top = sizes.last, top != sizes.first {
      for s in scaling where s.workers == top {
        lines.append(
          "\(s.name): \(String(format: "%.2f", s.speedup))x speed-up at \(variable) = \(top) "
            + "over \(variable) = \(sizes.first!) (parallel efficiency "
            + "\(String(format: "%.2f", s.efficiency)))")
      }
    }
    return lines
  }

  /// A ratio for reading: one decimal below 10, whole above.
  package static func factor(_ x: Double) -> String {
    guard x.isFinite else { return "-" }
    return x < 10 ? String(format: "%.1f", x) : String(format: "%.0f", x)
  }

  // MARK: - Implementation details

  private func label(_ n: Int) -> String { SVGChart.sizeLabel(Double(n)) }

  private func ratio(_ name: String, _ n: Int, _ standings: [Standing]) -> Double {
    standings.first { $0.name == name && $0.n == n }!.ratio
  }

  private func score(_ name: String, _ standings: [Standing]) -> Double {
    let logs = standings.filter { $0.name == name }.map { log($0.ratio) }
    return logs.isEmpty ? .infinity : logs.reduce(0, +) / Double(logs.count)
  }

  private func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// `both O(n)`, or `comp O(n), loop O(n^2)`; nil in a scaling race.
  private func classes(_ a: String, _ b: String) -> String? {
    guard !isScaling else { return nil }
    func outcome(_ name: String) -> String {
      let e = entries.first { $0.name == name }!
      return e.classification?.outcome.description ?? "unclassified"
    }
    let (x, y) = (outcome(a), outcome(b))
    return x == y ? "both \(x)" : "\(a) \(x), \(b) \(y)"
  }
}
