import Foundation

extension Sweep {
  /// Times several subjects over the same sizes, interleaved, so that a slow
  /// spell of the machine hits all of them alike.
  ///
  /// Each subject is calibrated at every size first (smallest first, as
  /// `run` does). Then each of `sampling.repeats` rounds visits the sizes in a
  /// shuffled order, and at each size times every subject once, also in a
  /// shuffled order:
  ///
  ///     for round in 1...repeats
  ///       for n in sizes.shuffled()
  ///         for subject in subjects.shuffled()
  ///           one sample of subject at n
  ///
  /// So sample `r` of every subject at size `n` was taken within moments of
  /// the others, and ratios between subjects can be paired round by round.
  ///
  /// - Parameters:
  ///   - subjects: the adapters, timed in turn (never two at once).
  ///   - sizes: sizes to visit instead of the plan's.
  ///   - delegate: receives `.startSize` during calibration and
  ///     `.startRound` as each round starts.
  /// - Returns: per subject, one point per size (ascending), with one
  ///   sample per round in round order.
  /// - Throws: the first subject error, as a `SweepFailure` naming the
  ///   subject and size (an interleaved run is kept whole or not at all).
  package func runInterleaved<S: Subject>(
    _ subjects: inout [S], sizes: [Int]? = nil,
    delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> [[Point]] {
    let sizes = sizes ?? plan.sizes
    var points = subjects.map { _ in sizes.map { Point(n: $0, samples: []) } }
    var current = (subject: 0, size: sizes.first ?? 0)
    do {
      for s in subjects.indices {
        var iterations = 1
        for (index, n) in sizes.enumerated() {
          current = (s, n)
          delegate(
            .startSize(n: n, index: s * sizes.count + index, of: subjects.count * sizes.count))
          iterations = try calibrate(&subjects[s], size: n, from: iterations).iterations
          points[s][index].iterations = iterations
        }
      }
      // One seeded generator for both shuffles: the order is repeatable,
      // and still differs from round to round and size to size.
      var rng = SplitMix64(seed: 0x4ACE)
      for round in 0..<sampling.repeats {
        delegate(.startRound(index: round, of: sampling.repeats))
        for i in sizes.indices.shuffled(using: &rng) {
          for s in subjects.indices.shuffled(using: &rng) {
            current = (s, sizes[i])
            let k = points[s][i].iterations
            points[s][i].samples.append(
              try subjects[s].sample(size: sizes[i], iterations: k) / Double(k))
          }
        }
      }
    } catch {
      throw SweepFailure(
        size: current.size, underlying: error, partial: [], subject: current.subject)
    }
    return points
  }
}
