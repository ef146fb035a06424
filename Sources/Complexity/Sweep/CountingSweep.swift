/// How a sweep of instruction counts visits sizes.
///
/// Counts do not vary from run to run, so no size is measured twice and
/// there is no second pass; and valgrind makes every size costly. So the
/// coarse half of the grid first (sizes a power of two apart, as
/// `AdaptiveSweep` starts), and the sizes in between only when that does
/// not settle the class. Sizes are never extended past the grid.
package struct CountingSweep: SizeStrategy {
  package var plan = SizePlan()
  package var counting = CountingOptions()
  package var classifier = Classifier()

  /// Counts `subject` (whose samples are instructions) over `grid`; never
  /// past it, so `extendable` is not used.
  ///
  /// - Throws: `SweepFailure`, with the points counted.
  package func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool = false,
    delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> SweepOutcome {
    let engine = Sweep(plan: plan, sampling: counting.sampling)
    let first = Self.coarseHalf(of: grid)
    var points = try engine.run(&subject, sizes: first, delegate: delegate)
    var classification = try classify(points)
    var stop = StopReason.separated
    if classification.outcome.settled == nil && first.count < grid.count {
      let rest = grid.filter { !first.contains($0) }
      do {
        points = (points + (try engine.run(&subject, sizes: rest, delegate: delegate)))
          .mergedBySize()
      } catch let failure as SweepFailure {
        throw failure.including(points)
      }
      classification = try classify(points)
      if classification.outcome.settled == nil { stop = .planDone }
    } else if classification.outcome.settled == nil {
      stop = .planDone
    }
    classification.notes += Self.repeatability(of: points)
    return SweepOutcome(points: points, classification: classification, stopReason: stop)
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
      guard let lo = p.samples.min(), let hi = p.samples.max(), lo > 0, p.samples.count > 1
      else { return nil }
      return (p.n, hi / lo - 1)
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
          + "or cold keys differ; the fewest is fitted",
        worst.spread * 100, worst.n)
    ]
  }
}
