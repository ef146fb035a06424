/// How an adaptive sweep keeps its budget and memory cap and still ends
/// with enough sizes to fit: a lower start where one call is too slow,
/// linear sizes where geometric ones grow too steeply, and a note saying
/// where and why it stopped.
extension AdaptiveSweep {
  /// The grid, started lower when one call at its smallest size runs past
  /// a quarter of the budget: n is halved, down to 1.
  ///
  /// - Throws: `ComplexityError(.timedOut, …)` when even n = 1 is too slow.
  func affordableGrid<S: Subject>(
    _ subject: inout S, _ grid: [Int], budget: SweepBudget, notes: inout [String]
  ) throws -> [Int] {
    guard let interruptible = subject as? Interruptible, let first = grid.first else { return grid }
    var n = first
    while true {
      let allowed = budget.remaining / 4
      interruptible.limitEachCall(to: allowed)
      do {
        _ = try subject.sample(size: n, iterations: 1)
        break
      } catch let error as ComplexityError where error.kind == .timedOut {
        guard n > 1 else {
          throw ComplexityError(
            .timedOut,
            "one call at n = 1 ran past \(Self.seconds(allowed)), a quarter of what was left "
              + "of the \(Self.seconds(budget.seconds)) budget, and was stopped: raise --budget")
        }
        notes.append(
          "one call at n = \(n) ran past a quarter of the budget (\(Self.seconds(allowed))) "
            + "and was stopped: the sizes start lower")
        n /= 2
      }
    }
    guard n < first, let last = grid.last else { return grid }
    let plan = SizePlan(minimum: n, maximum: last, pointsPerOctave: sweep.plan.pointsPerOctave)
    return plan.sizes
  }

  /// Makes sure the sweep has enough sizes to fit. Where the budget
  /// stopped it first, the sizes between the smallest and the first one
  /// it could not afford are filled in linearly (steep growth: 2ⁿ is
  /// decided on n = 16, 18, 20, …, not on 16, 23, 32).
  ///
  /// - Throws: `ComplexityError` saying what stopped the sweep and what to
  ///   change, when there are still too few.
  func ensureEnough<S: Subject>(
    _ subject: inout S, _ points: inout [Point], memory: MemoryGuard, budget: SweepBudget,
    delegate: (SweepEvent) -> Void
  ) throws {
    guard points.count < Classifier.minimumSizes else { return }
    let ceiling = [budget.refused, budget.interrupted].compactMap { $0 }.min()
    if let ceiling, let lowest = points.map(\.n).min(), ceiling - lowest > 1 {
      let step = max(1, (ceiling - lowest) / (2 * Classifier.minimumSizes))
      let fill = stride(from: lowest + step, to: ceiling, by: step)
        .filter { n in !points.contains { $0.n == n } }
      let before = budget.refused
      budget.clearRefusal()
      try add(
        Array(fill), to: &points, &subject, memory: memory, budget: budget, delegate: delegate)
      if budget.refused == nil, let before { budget.refuse(before) }
    }
    guard points.count < Classifier.minimumSizes else { return }
    if let refused = memory.refused {
      throw ComplexityError(
        .subject,
        "n = \(refused) would pass the memory cap (\(memory.cap >> 20) MiB, --max-memory) "
          + "and only \(points.count) smaller sizes were measured: a fit needs "
          + "\(Classifier.minimumSizes); lower --max-size or raise --max-memory")
    }
    if ceiling != nil || budget.isSpent {
      throw ComplexityError(
        .timedOut,
        "only \(points.count) sizes fit in the \(Self.seconds(budget.seconds)) budget"
          + (ceiling.map { " (n = \($0) would not)" } ?? "")
          + ": a fit needs \(Classifier.minimumSizes); raise --budget or lower --min-size")
    }
  }

  /// Measures `sizes` and merges them into `points`. A call stopped for
  /// the budget ends the pass, and what was measured before it stands.
  func add<S: Subject>(
    _ sizes: [Int], to points: inout [Point], _ subject: inout S, memory: MemoryGuard,
    budget: SweepBudget, delegate: (SweepEvent) -> Void
  ) throws {
    do {
      let measured = try sweep.run(
        &subject, sizes: sizes, memory: memory, budget: budget, delegate: delegate)
      points = (points + measured).mergedBySize()
    } catch let failure as SweepFailure where budget.interrupted != nil {
      points = (points + failure.partial).mergedBySize()
    }
  }

  /// Why the sweep stopped short of its plan, if it did.
  func stopNotes(memory: MemoryGuard, budget: SweepBudget) -> [String] {
    var notes: [String] = []
    if let n = memory.refused {
      notes.append(
        "stopped before n = \(n): its input would pass the memory cap (\(memory.cap >> 20) MiB)")
    }
    if let n = budget.interrupted {
      notes.append(
        "a call at n = \(n) ran past the \(Self.seconds(budget.seconds)) budget and was stopped")
    }
    if let n = budget.refused {
      notes.append(
        "stopped before n = \(n): its samples would not fit in what was left of the "
          + "\(Self.seconds(budget.seconds)) budget")
    }
    return notes
  }

  static func seconds(_ s: Double) -> String {
    s >= 10 ? "\(Int(s.rounded())) s" : "\((s * 10).rounded() / 10) s"
  }
}
