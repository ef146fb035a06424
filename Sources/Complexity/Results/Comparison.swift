import Foundation

/// Two runs side by side, op by op: the class each measured, the cost at a
/// size both timed, and whether the class changed.
///
/// A class has *changed* when the two outcomes have no class in common. An
/// outcome that is inconclusive between the other run's class and a
/// neighbour is *unsettled*, not changed: the same rule that makes such a
/// verdict `inconclusive` rather than `differs` against the documentation,
/// so timing noise alone does not fail a baseline check.
///
/// The constant factor is the ratio of B's to A's fitted time at the
/// largest size both runs measured, each from its own chosen model:
///
///     ratio = t_B(n) / t_A(n),   n = min(n_max(A), n_max(B))
///
/// Fitted rather than raw times, so one noisy sample does not set it.
package struct Comparison: Codable, Sendable, Equatable {
  /// How an op's class moved from A to B.
  package enum Change: String, Codable, Sendable, CaseIterable {
    /// The same outcome in both.
    case same
    /// The outcomes have no class in common.
    case changed
    /// One or both are inconclusive, with a class in common.
    case unsettled
    /// One or both sweeps failed, so there is no class to compare.
    case failed
    /// The op is only in A, or only in B.
    case onlyInA = "only in A"
    case onlyInB = "only in B"
  }

  /// One run as the comparison names it.
  package struct Run: Codable, Sendable, Equatable {
    /// How the user named it, usually its file.
    package var label: String
    /// `CPython 3.11.7`, or nil for a run that timed no Python.
    package var python: String?
    package var machine: String
    package var started: String
  }

  /// What one run measured for an op.
  package struct Side: Codable, Sendable, Equatable {
    /// The outcome as printed: a class, `inconclusive (…)` or `failed`.
    package var measured: String
    /// The class of the chosen model; nil for a failed sweep.
    package var best: ComplexityClass?
    /// `b` of the chosen model: seconds it adds at its own largest size.
    package var coefficient: Double?
    /// The chosen model's cost at the comparison size: seconds, or
    /// instructions when `metric` says so.
    package var seconds: Double?
    /// What the run measured the op by: `time` or `instructions`.
    package var metric: Metric = .time
  }

  /// One op in both runs (or in one).
  package struct Row: Codable, Sendable, Equatable {
    package var op: String
    package var documented: ComplexityClass?
    package var a: Side?
    package var b: Side?
    package var change: Change
    /// The largest size both measured; nil when their ranges do not meet.
    package var size: Int?
    /// `b.seconds / a.seconds`: above 1, B is slower. Nil when the runs
    /// measured the op by different metrics (seconds against instructions).
    package var ratio: Double?
  }

  package var a: Run
  package var b: Run
  /// A's ops in A's order, then those only in B.
  package var rows: [Row]

  /// Compares run `a` with run `b`.
  ///
  /// - Parameter labels: what to call the two runs (their files).
  package init(_ a: RunResults, _ b: RunResults, labels: (String, String) = ("A", "B")) {
    self.a = Self.run(a, label: labels.0)
    self.b = Self.run(b, label: labels.1)
    let inB = Dictionary(b.results.map { ($0.op, $0) }, uniquingKeysWith: { _, last in last })
    let inA = Set(a.results.map(\.op))
    rows = a.results.map { Self.row($0, inB[$0.op]) }
    rows += b.results.filter { !inA.contains($0.op) }.map { Self.row(nil, $0) }
  }

  /// Checks, before a run, that `baseline` holds some of its ops: a
  /// baseline check that compares nothing would pass whatever happened.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the baseline.
  package static func check(baseline: RunResults, path: String, covers ops: [Operation]) throws {
    let stored = Set(baseline.results.map(\.op))
    guard ops.contains(where: { stored.contains($0.id) }) else {
      throw ComplexityError(
        .badInput,
        "\(path) holds none of the ops this run measures (it has "
          + "\(stored.sorted().prefix(3).joined(separator: ", "))\(stored.count > 3 ? ", …" : "")): "
          + "give a baseline of the same ops")
    }
  }

  /// Compares a run with a stored baseline, on the ops the run measured:
  /// baseline ops left out of this run are not news.
  package init(
    baseline: RunResults, run: RunResults, labels: (String, String) = ("baseline", "this run")
  ) {
    let ran = Set(run.results.map(\.op))
    var kept = baseline
    kept.results = baseline.results.filter { ran.contains($0.op) }
    self.init(kept, run, labels: labels)
  }

  /// The rows whose class changed.
  package var changed: [Row] { rows.filter { $0.change == .changed } }

  /// 1 when any op's class changed, else 0.
  package var exitStatus: Int32 { changed.isEmpty ? 0 : 1 }

  /// How many rows have each kind of change.
  package func count(_ change: Change) -> Int { rows.filter { $0.change == change }.count }

  // MARK: - Implementation details

  private static func run(_ r: RunResults, label: String) -> Run {
    Run(
      label: label, python: r.python.map { "\($0.implementation) \($0.version)" },
      machine: "\(r.machine.cpu), \(r.machine.cores) cores", started: r.started)
  }

  private static func row(_ a: OperationResult?, _ b: OperationResult?) -> Row {
    let op = (a ?? b)!.op
    var row = Row(
      op: op, documented: a?.documented ?? b?.documented, a: nil, b: nil, change: .same)
    let size = commonSize(a, b)
    row.size = size
    row.a = a.map { side($0, at: size) }
    row.b = b.map { side($0, at: size) }
    guard let a else { row.change = .onlyInB; return row }
    guard let b else { row.change = .onlyInA; return row }
    guard let ca = a.classification, let cb = b.classification else {
      row.change = .failed
      return row
    }
    row.change = change(ca.outcome, cb.outcome)
    if let ta = row.a?.seconds, let tb = row.b?.seconds, ta > 0, tb > 0,
      row.a?.metric == row.b?.metric
    {
      row.ratio = tb / ta
    }
    return row
  }

  /// `same`, `changed` (no class in common) or `unsettled`.
  static func change(_ a: Classification.Outcome, _ b: Classification.Outcome) -> Change {
    if a == b { return .same }
    return candidates(a).isDisjoint(with: candidates(b)) ? .changed : .unsettled
  }

  private static func candidates(_ outcome: Classification.Outcome) -> Set<ComplexityClass> {
    switch outcome {
    case .conclusive(let c): return [c]
    case .inconclusive(let x, let y): return [x, y]
    case .steeper(let c, _): return [c]
    }
  }

  /// The largest size both runs measured, if their ranges meet.
  private static func commonSize(_ a: OperationResult?, _ b: OperationResult?) -> Int? {
    let ranges = [a, b].compactMap { $0 }.compactMap { r -> ClosedRange<Int>? in
      guard let lo = r.points.map(\.n).min(), let hi = r.points.map(\.n).max() else { return nil }
      return lo...hi
    }
    guard !ranges.isEmpty else { return nil }
    let lo = ranges.map(\.lowerBound).max()!, hi = ranges.map(\.upperBound).min()!
    return lo <= hi ? hi : nil
  }

  private static func side(_ r: OperationResult, at size: Int?) -> Side { Side(r, at: size) }
}

extension Comparison.Side {
  /// What `r` measured, its chosen model's cost taken at `size`.
  package init(_ r: OperationResult, at size: Int?) {
    guard let c = r.classification, let model = c.model(c.best) else {
      self.init(
        measured: r.measuredName, best: nil, coefficient: nil, seconds: nil, metric: r.metric)
      return
    }
    let t = size.map { model.predict(Double($0)) }
    self.init(
      measured: c.outcome.description, best: c.best, coefficient: model.coefficient,
      seconds: t.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }, metric: r.metric)
  }
}
