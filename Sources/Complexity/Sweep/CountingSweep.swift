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
/// differently (a hash table seeded by its address), the smallest sizes
/// are counted again on fresh inputs, settled or not, and every other size
/// when one of those differs (up to six inputs where the class stays
/// open); the class must then hold for the classifier's draws of the
/// inputs per size (`countSecondInput`). Where two counts of one size differ
/// by more than `noisySpread` (an op whose work depends on where it starts,
/// such as `set.pop`'s moving finger, or the probe runs that a Swift hash
/// op's successive keys meet in one table), that size gets `extraSamples`
/// more, and the fewest is taken (of each input's, where there are
/// several, whose median is fitted).
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
    var points: [Point] = []
    var classification: Classification?
    for pass in Self.passes(over: grid) {
      let sizes = pass.filter { n in !points.contains { $0.n == n } }
      guard !sizes.isEmpty else { continue }
      points = try count(&subject, sizes: sizes, adding: points, delegate: delegate)
      classification = try classify(points)
      if classification?.outcome.settled != nil { break }
    }
    guard var classification else {
      throw SweepFailure(
        size: nil, underlying: ComplexityError(.badInput, "no sizes to count"), partial: points)
    }
    // Repeats within one input; the second input's note names the gap between inputs.
    let notes = Self.repeatability(of: points)
    if subject.metric == .instructions, subject.rebuiltInputsDiffer {
      (points, classification) = try countSecondInput(
        &subject, first: points, grid: grid, delegate: delegate)
    }
    let stop: StopReason = classification.outcome.settled == nil ? .planDone : .separated
    classification.notes += notes
    return SweepOutcome(points: points, classification: classification, stopReason: stop)
  }

  /// `points` with `sizes` counted on the subject's current input: the
  /// engine's repeats, then `extraSamples` more at each size whose counts
  /// differ by more than `noisySpread`. `known` (another input's points)
  /// only predicts how many calls a sample needs.
  ///
  /// - Throws: `SweepFailure`, with `points` and what was counted since.
  func count<S: Subject>(
    _ subject: inout S, sizes: [Int], adding points: [Point], known: [Point] = [],
    delegate: (SweepEvent) -> Void
  ) throws -> [Point] {
    var extra = counting.sampling
    extra.repeats = Self.extraSamples
    var points = points
    do {
      try subject.prepare(sizes: sizes)
      let engine = Sweep(plan: plan, sampling: counting.sampling)
      points =
        (points
        + (try engine.run(&subject, sizes: sizes, known: known + points, delegate: delegate)))
        .mergedBySize()
      let noisy = points.filter {
        Self.spread(of: $0) > Self.noisySpread && $0.samples.count <= counting.repeats
      }
      .map(\.n)
      if !noisy.isEmpty {
        let more = try Sweep(plan: plan, sampling: extra).run(
          &subject, sizes: noisy, known: known + points, delegate: delegate)
        points = (points + more).mergedBySize()
      }
      return points
    } catch {
      throw Self.failure(error, after: points)
    }
  }

  /// `error` as the sweep's failure, with the points counted before it.
  static func failure(_ error: Error, after points: [Point]) -> SweepFailure {
    (error as? SweepFailure)?.including(points)
      ?? SweepFailure(size: nil, underlying: error, partial: points)
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

  private func classify(_ points: [Point]) throws -> Classification {
    do {
      return try classifier.classify(points)
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
          + "or cold keys differ; such sizes were counted \(extraSamples) more times, and the fewest "
          + "count is taken (of each input's, where there are several)",
        worst.spread * 100, worst.n)
    ]
  }
}
