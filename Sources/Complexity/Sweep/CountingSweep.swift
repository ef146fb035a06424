/// How a sweep of instruction counts visits sizes.
///
/// Counts of one input barely vary from sample to sample, so there are no
/// rounds of repeats as for time; and valgrind makes every size costly, the
/// largest most. So the fewest sizes
/// that can settle the class first: every power of two up to an eighth of
/// the largest (cheap), and above that every other one (32, 64, …, 4096,
/// 8192, 32768: 10 sizes; 6 made even a confident verdict
/// fragile, as it does for time); then the rest of the powers of two; then
/// the whole grid, each only when the last did not settle the class. Sizes
/// are never extended past the grid. Where fresh inputs can count
/// differently (a hash table seeded by its address), the sizes are counted
/// again on fresh inputs, settled or not, and the class must hold for
/// either input's counts (`freshPass`). Where two counts of one size differ
/// by more than `noisySpread` (an op whose work depends on where it starts,
/// such as `set.pop`'s moving finger, or the probe runs that a Swift hash
/// op's successive keys meet in one table), that size gets `extraSamples`
/// more, and the fewest is fitted.
package struct CountingSweep: SizeStrategy {
  package var plan = SizePlan()
  package var counting = CountingOptions()
  package var classifier = Classifier()
  /// Relative spread of a size's counts above which it is counted again.
  package static let noisySpread = 0.01
  /// Samples added to a noisy size.
  package static let extraSamples = 3

  /// Counts `subject` (whose samples are instructions) over `grid`; never
  /// past it, so `extendable` is not used.
  ///
  /// - Throws: `SweepFailure`, with the points counted.
  package func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool = false,
    delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> SweepOutcome {
    let engine = Sweep(plan: plan, sampling: counting.sampling)
    var extra = counting.sampling
    extra.repeats = Self.extraSamples
    var points: [Point] = []
    var classification: Classification?
    for pass in Self.passes(over: grid) {
      let sizes = pass.filter { n in !points.contains { $0.n == n } }
      guard !sizes.isEmpty else { continue }
      do {
        try subject.prepare(sizes: sizes)
        points =
          (points + (try engine.run(&subject, sizes: sizes, known: points, delegate: delegate)))
          .mergedBySize()
        let noisy = points.filter {
          Self.spread(of: $0) > Self.noisySpread && $0.samples.count <= counting.repeats
        }
        .map(\.n)
        if !noisy.isEmpty {
          let more = try Sweep(plan: plan, sampling: extra).run(
            &subject, sizes: noisy, known: points, delegate: delegate)
          points = (points + more).mergedBySize()
        }
      } catch {
        throw Self.failure(error, after: points)
      }
      classification = try classify(points)
      if classification?.outcome.settled != nil { break }
    }
    // Repeats within one input; the fresh pass's note names the gap between inputs.
    var notes = Self.repeatability(of: points)
    if classification != nil, subject.metric == .instructions, subject.rebuiltInputsDiffer {
      let first = points
      let again = try freshPass(&subject, over: points, engine: engine, delegate: delegate)
      points = (first + again).mergedBySize()
      if Self.inputsDiffer(first, again) {
        classification = try classify(points, inputs: [first, again])
        notes.insert(Self.freshPassNote(first: first, again: again), at: 0)
      } else {
        notes.append(Self.sameInputsNote(again))
      }
    }
    guard var classification else {
      throw SweepFailure(
        size: nil, underlying: ComplexityError(.badInput, "no sizes to count"), partial: points)
    }
    let stop: StopReason = classification.outcome.settled == nil ? .planDone : .separated
    classification.notes += notes
    return SweepOutcome(points: points, classification: classification, stopReason: stop)
  }

  /// `error` as the sweep's failure, with the points counted before it.
  private static func failure(_ error: Error, after points: [Point]) -> SweepFailure {
    (error as? SweepFailure)?.including(points)
      ?? SweepFailure(size: nil, underlying: error, partial: points)
  }

  /// Sizes counted again with fresh inputs, built while the first were
  /// alive: the smallest `probeSizes` first, and the rest only where one
  /// of those counted otherwise (`inputsDiffer`).
  ///
  /// Counts repeat exactly only for one input: a hash table's layout
  /// depends on its seed, and Swift seeds each `Set`, `Dictionary` and
  /// `OrderedSet` by its address, so its O(1) probes cost each size a
  /// different constant. One table per size puts an offset on each point
  /// that its repeats cannot see (`swift.OrderedSet.removeFirst`: 1 431 to
  /// 3 221 instructions per call at n = 32 over 72 recorded runs, against
  /// at most 4% between the counts of one run at n = 32). Over the
  /// catalog's sizes it left O(n) and O(n log n) apart by less than the
  /// fit could tell in 2 of those runs; over n = 32…2048, where the offset
  /// is as large as the O(n) part, it made O(sqrt n) a confident verdict
  /// in 2 of 8 runs (AMD EPYC), which no residual resampling questions.
  /// So every op whose inputs can differ is counted on a second input
  /// whether or not the first settled its class, and the classifier draws
  /// one input per size (its step 7). The smallest sizes come first
  /// because the offset is largest beside them and they are cheap: where
  /// they count the same, the layout does not move this op's counts (an
  /// `Array`), and the rest is not counted again. The fresh pass takes
  /// the engine's repeats only (a noisy size had more in the first).
  private func freshPass<S: Subject>(
    _ subject: inout S, over points: [Point], engine: Sweep,
    delegate: (SweepEvent) -> Void
  ) throws -> [Point] {
    let sizes = points.map(\.n)
    let probe = Array(sizes.prefix(Self.probeSizes))
    do {
      try subject.forgetInputs()
      try subject.prepare(sizes: sizes)
      var again = try engine.run(&subject, sizes: probe, known: points, delegate: delegate)
      let rest = Array(sizes.dropFirst(probe.count))
      if Self.inputsDiffer(points, again), !rest.isEmpty {
        again += try engine.run(&subject, sizes: rest, known: points, delegate: delegate)
      }
      return again.mergedBySize()
    } catch {
      throw Self.failure(error, after: points)
    }
  }

  /// Sizes counted on a second input before the rest are.
  static let probeSizes = 3

  /// Whether the second input's fewest count differs from the first's by
  /// more than `noisySpread` at some size both counted.
  static func inputsDiffer(_ first: [Point], _ again: [Point]) -> Bool {
    again.contains { b in
      guard let a = first.first(where: { $0.n == b.n }), a.best > 0, b.best > 0 else {
        return false
      }
      return max(a.best, b.best) / min(a.best, b.best) - 1 > noisySpread
    }
  }

  /// What a result counted on two inputs says: why, and how far apart the
  /// two inputs' fewest counts were (largest over smallest, less one, at
  /// the size where they differ most).
  static func freshPassNote(first: [Point], again: [Point]) -> String {
    let gaps = again.compactMap { b -> (n: Int, gap: Double)? in
      guard let a = first.first(where: { $0.n == b.n }), min(a.best, b.best) > 0 else {
        return nil
      }
      return (b.n, max(a.best, b.best) / min(a.best, b.best) - 1)
    }
    let widest = gaps.max { $0.gap < $1.gap }
    return freshPassPrefix
      + (widest.map {
        String(
          format: "; the two inputs' fewest counts differ by up to %.1f%% (at n = %d)",
          $0.gap * 100, $0.n)
      } ?? "")
  }

  /// How the note of a result counted on two inputs begins.
  static let freshPassPrefix =
    "counted again at every size with fresh inputs (built while the first were alive, so "
    + "elsewhere in memory: a table seeded by its address gets another layout); the fewest "
    + "count of both is fitted at each size"

  /// What a result whose second input counted the same says.
  static func sameInputsNote(_ again: [Point]) -> String {
    "fresh inputs (another address, so another table layout) count the same within "
      + String(format: "%.0f%%", noisySpread * 100) + " at n = "
      + again.map { "\($0.n)" }.joined(separator: ", ")
      + ": the layout does not move this op's counts"
  }

  /// The sizes of each pass (see the type's comment); a pass that would
  /// leave too few sizes to fit is the next one.
  static func passes(over grid: [Int]) -> [[Int]] {
    // The powers of two of the grid (its coarse half at two sizes per
    // octave from a power of two; the whole grid of a hash-table op).
    let powers = grid.filter { $0 & ($0 - 1) == 0 }
    let half = powers.count >= Classifier.minimumSizes ? powers : coarseHalf(of: grid)
    let top = half.last ?? 0
    let first = half.enumerated()
      .filter { $0.element * 8 <= top || (half.count - 1 - $0.offset) % 2 == 0 }.map(\.element)
    return [first.count >= Classifier.minimumSizes ? first : half, half, grid]
  }

  /// How far apart a size's counts are: largest over smallest, less one.
  static func spread(of point: Point) -> Double {
    guard let lo = point.samples.min(), let hi = point.samples.max(), lo > 0 else { return 0 }
    return hi / lo - 1
  }

  private func classify(_ points: [Point], inputs: [[Point]] = []) throws -> Classification {
    do {
      return try classifier.classify(points, inputs: inputs)
    } catch {
      throw SweepFailure(size: nil, underlying: error, partial: points)
    }
  }

  /// How far apart the repeated counts of each size are: they should agree
  /// to a few instructions in a million, and a larger gap is named.
  static func repeatability(of points: [Point]) -> [String] {
    let spreads = points.compactMap { p -> (n: Int, spread: Double)? in
      p.samples.count > 1 ? (p.n, spread(of: p)) : nil
    }
    guard let worst = spreads.max(by: { $0.spread < $1.spread }) else { return [] }
    if worst.spread == 0 { return ["repeated counts are identical at every size"] }
    if worst.spread <= 0.001 {
      return [
        String(
          format: "repeated counts agree within %.4f%% at every size", worst.spread * 100)
      ]
    }
    return [
      String(
        format: "repeated counts differ by up to %.2f%% (at n = %d): the allocator's state "
          + "moves from one sample to the next (one sample's freed blocks serve the next), "
          + "or cold keys differ; such sizes were counted \(extraSamples) more times, and the fewest is fitted",
        worst.spread * 100, worst.n)
    ]
  }
}
