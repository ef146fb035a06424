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
package struct AdaptiveSweep: SizeStrategy {
  package var sweep: Sweep
  package var classifier: Classifier
  /// The time budget, the largest extension and the memory cap.
  package var limits = SweepLimits()
  /// Confidence at which measuring stops early.
  package var separatedConfidence = 0.95
  /// Fewest sizes the coarse grid needs before it may stop early.
  package static let minimumSizesToStopEarly = 9

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
      throw SweepFailure(
        size: failure.size, underlying: failure.underlying,
        partial: (points + failure.partial).mergedBySize())
    } catch {
      throw SweepFailure(size: nil, underlying: error, partial: points)
    }
  }

  private func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool, into points: inout [Point],
    delegate: (SweepEvent) -> Void
  ) throws -> SweepOutcome {
    let start = Date()
    let memory = MemoryGuard(cap: limits.memoryCap, baseline: subject.residentBytes())
    func measure(_ sizes: [Int]) throws {
      let limit = memory.refused ?? .max
      let sizes = sizes.filter { $0 < limit }
      guard !sizes.isEmpty else { return }
      points =
        (points + (try sweep.run(&subject, sizes: sizes, memory: memory, delegate: delegate)))
        .mergedBySize()
      if let refused = memory.refused, points.count < Classifier.minimumSizes {
        throw ComplexityError(
          .subject,
          "n = \(refused) would pass the memory cap (\(memory.cap >> 20) MiB, --max-memory) "
            + "and only \(points.count) smaller sizes were measured: a fit needs "
            + "\(Classifier.minimumSizes); lower --max-size or raise --max-memory")
      }
    }
    func separated(_ c: Classification) -> Bool {
      c.outcome.settled != nil && c.confidence >= separatedConfidence
    }
    func spent() -> Bool { Date().timeIntervalSince(start) > limits.budgetSeconds }

    // 1 and 2: the grid, coarse first.
    let coarse = grid.enumerated().filter { $0.offset % 2 == 0 || $0.offset == grid.count - 1 }
      .map(\.element)
    try measure(coarse.count >= Classifier.minimumSizes ? coarse : grid)
    var c = try classifier.classify(points)
    // Too few sizes make even a confident verdict fragile (a 6-size sweep
    // once called dict.pop O(n^2)): the coarse grid may stop only with enough.
    if separated(c) && points.count >= Self.minimumSizesToStopEarly {
      return SweepOutcome(points: points, classification: c, stopReason: .separated)
    }
    try measure(grid.filter { n in !points.contains { $0.n == n } })
    c = try classifier.classify(points)
    if separated(c) {
      return SweepOutcome(points: points, classification: c, stopReason: .separated)
    }
    if let refused = memory.refused {
      c.notes.append(
        "stopped before n = \(refused): its input would pass the memory cap "
          + "(\(memory.cap >> 20) MiB)")
      return SweepOutcome(points: points, classification: c, stopReason: .memory)
    }

    // 3: larger sizes, unless the contenders are the hard pair.
    var reason = StopReason.planDone
    let hardPair = Set([c.best, c.runnerUp]) == [.linear, .linearithmic]
    if extendable && !hardPair, var largest = grid.last {
      let limit = sweep.plan.maximum * limits.maximumExtension
      while true {
        if spent() { reason = .budget; break }
        let next = largest * 2
        if next > limit { reason = .maximumSize; break }
        if !memory.allows(next, resident: subject.residentBytes()) {
          reason = .memory
          break
        }
        let between = Int((Double(largest) * 2.0.squareRoot()).rounded())
        try measure(sweep.plan.pointsPerOctave > 1 ? [between, next] : [next])
        largest = next
        c = try classifier.classify(points)
        if separated(c) { reason = .separated; break }
      }
      if reason != .separated && points.count > grid.count {
        c.notes.append("extended to n = \(largest) looking for a separation")
      }
    }
    if reason == .separated {
      return SweepOutcome(points: points, classification: c, stopReason: reason)
    }

    // 4: a second pass with fresh inputs, if time allows.
    if !spent() {
      try subject.forgetInputs()
      let sizes = points.map(\.n)
      points = (points + (try sweep.run(&subject, sizes: sizes, delegate: delegate)))
        .mergedBySize()
      c = try classifier.classify(points)
      c.notes.append("measured in 2 passes with fresh inputs: the first was inconclusive")
      if separated(c) { reason = .separated }
    } else {
      reason = .budget
    }
    return SweepOutcome(points: points, classification: c, stopReason: reason)
  }
}
