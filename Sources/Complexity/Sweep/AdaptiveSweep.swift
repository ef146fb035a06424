import Foundation

/// Chooses the sizes of one operation's sweep as it goes: coarse first,
/// finer and larger only while the best two classes are not separated.
///
/// 1. Every other size of the plan's grid (a power of two apart).
/// 2. If not separated: the sizes in between.
/// 3. If still not separated, and the contenders are not O(n) against
///    O(n log n): larger sizes, doubling the largest, up to
///    `limits.maximumExtension` times the plan's maximum, within the time budget
///    and the memory cap. (The hard pair is not extended: past the caches
///    the cost per element rises, which reads as the very log factor in
///    question.)
/// 4. If still not separated: one more pass over every size with inputs
///    built anew, all samples fitted together (a slow spell or an unlucky
///    memory layout of one pass does not decide).
///
/// Separated means conclusive with a confidence of at least
/// `separatedConfidence`.
///
/// Every step runs within the time budget (`SweepBudget`: a size or a pass
/// that would not fit is not started, a call that runs past it is stopped)
/// and the memory cap (`MemoryGuard`). Where one call at the grid's
/// smallest size takes more than a quarter of the budget, the grid starts
/// lower, halving n down to 1; where growth is so steep that fewer than
/// `Classifier.minimumSizes` geometric sizes fit, the sizes in between are
/// filled in linearly (`AdaptiveSweep+Budget.swift`).
package struct AdaptiveSweep: SizeStrategy {
  package var sweep: Sweep
  package var classifier: Classifier
  /// The time budget, the largest extension and the memory cap.
  package var limits = SweepLimits()
  /// Confidence at which measuring stops early.
  package var separatedConfidence = 0.95
  /// Fewest sizes the coarse grid needs before it may stop early.
  package static let minimumSizesToStopEarly = 9
  /// Only a few sizes (`briefSizes`), few samples: for time shown beside
  /// instruction counts that settled the class (`--metric auto`), which
  /// needs its own class at these sizes, its cost at the largest and where
  /// the curve bends, not a verdict.
  package var brief = false
  /// Samples per size of a brief sweep.
  package static let briefRepeats = 3

  /// The sizes of a brief sweep: the coarse half's coarse half (a factor
  /// of 4 apart: 6 sizes over 32…32768), or the coarse half where that
  /// leaves too few.
  static func briefSizes(of grid: [Int]) -> [Int] {
    coarseHalf(of: coarseHalf(of: grid))
  }

  /// Sweeps `subject` over `grid` (the plan's sizes for the operation),
  /// adaptively.
  ///
  /// - Throws: `SweepFailure`, with the points measured so far.
  package func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool = true,
    delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> SweepOutcome {
    var points: [Point] = []
    do {
      return try run(
        &subject, grid: grid, extendable: extendable, into: &points, delegate: delegate)
    } catch let failure as SweepFailure {
      throw failure.including(points)
    } catch {
      throw SweepFailure(size: nil, underlying: error, partial: points)
    }
  }

  private func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool, into points: inout [Point],
    delegate: (SweepEvent) -> Void
  ) throws -> SweepOutcome {
    let budget = SweepBudget(seconds: limits.budgetSeconds)
    let memory = MemoryGuard(cap: limits.memoryCap, baseline: subject.residentBytes())
    var notes: [String] = []
    let grid = try affordableGrid(&subject, grid, budget: budget, notes: &notes)
    func measure(_ sizes: [Int]) throws {
      let limit = [memory.refused, budget.refused, budget.interrupted].compactMap { $0 }.min()
      let sizes = sizes.filter { $0 < limit ?? .max }
      guard !sizes.isEmpty, !budget.isSpent else { return }
      try add(sizes, to: &points, &subject, memory: memory, budget: budget, delegate: delegate)
    }
    func classify() throws -> Classification {
      try ensureEnough(&subject, &points, memory: memory, budget: budget, delegate: delegate)
      var c = try classifier.classify(points)
      c.notes += notes + stopNotes(memory: memory, budget: budget)
      return c
    }
    func separated(_ c: Classification) -> Bool {
      c.outcome.settled != nil && c.confidence >= separatedConfidence
    }
    func outcome(_ c: Classification, _ reason: StopReason) -> SweepOutcome {
      SweepOutcome(points: points, classification: c, stopReason: reason)
    }
    func cut() -> StopReason? {
      if memory.refused != nil { return .memory }
      if budget.refused != nil || budget.interrupted != nil || budget.isSpent { return .budget }
      return nil
    }

    if brief {
      try measure(Self.briefSizes(of: grid))
      var c = try classify()
      c.notes.append(
        "timed briefly (\(points.count) sizes a factor of 4 apart, \(sweep.sampling.repeats) "
          + "samples a size): the counts settled the class, time is shown beside them")
      return outcome(c, cut() ?? (separated(c) ? .separated : .planDone))
    }
    // 1 and 2: the grid, coarse first.
    try measure(Self.coarseHalf(of: grid))
    var c = try classify()
    // Too few sizes make even a confident verdict fragile (a 6-size sweep
    // once called dict.pop O(n^2)): the coarse grid may stop only with enough.
    if separated(c) && points.count >= Self.minimumSizesToStopEarly {
      return outcome(c, .separated)
    }
    try measure(grid.filter { n in !points.contains { $0.n == n } })
    c = try classify()
    if separated(c) { return outcome(c, .separated) }
    if let reason = cut() { return outcome(c, reason) }

    // 3: larger sizes, unless the contenders are the hard pair.
    var reason = StopReason.planDone
    let hardPair = Set([c.best, c.runnerUp]) == [.linear, .linearithmic]
    if extendable && !hardPair, var largest = grid.last {
      let limit = sweep.plan.maximum * limits.maximumExtension
      while true {
        let next = largest * 2
        if next > limit { reason = .maximumSize; break }
        let between = Int((Double(largest) * 2.0.squareRoot()).rounded())
        try measure(sweep.plan.pointsPerOctave > 1 ? [between, next] : [next])
        if let stop = cut() {
          // Sizes were added before the cut: classify what there is.
          (reason, c) = (stop, try classify())
          break
        }
        largest = next
        c = try classify()
        if separated(c) { reason = .separated; break }
      }
      if reason != .separated && points.count > grid.count {
        c.notes.append(
          "extended to n = \(points.map(\.n).max() ?? largest) looking for a separation")
      }
    }
    if reason == .separated || cut() != nil { return outcome(c, cut() ?? reason) }

    // 4: a second pass with fresh inputs, if time allows.
    try subject.forgetInputs()
    let first = points
    try measure(points.map(\.n))
    c = try classify()
    if points.map(\.samples.count) != first.map(\.samples.count) {
      c.notes.append("measured in 2 passes with fresh inputs: the first was inconclusive")
    }
    if separated(c) { reason = .separated }
    return outcome(c, cut() ?? reason)
  }
}
