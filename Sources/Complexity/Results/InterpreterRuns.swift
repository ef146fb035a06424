import Foundation

/// The same operations run in several Python interpreters, one run each,
/// shown side by side (`sweep --python python3 --python pypy3`): per op,
/// each interpreter's class, its verdict against the documentation, and
/// its cost at the largest size it measured. Swift ops, which no
/// interpreter runs, are in the first run only.
package struct InterpreterRuns: Codable, Sendable, Equatable {
  /// The format version; readers reject any other.
  package static let currentVersion = 1

  package var version: Int = InterpreterRuns.currentVersion
  /// One run per interpreter, in the order given.
  package var runs: [RunResults]

  package init(runs: [RunResults]) { self.runs = runs }

  /// One op across the runs.
  package struct Row: Sendable, Equatable {
    package var op: String
    package var documented: ComplexityClass?
    /// The op's result in each run, nil where the run lacks it.
    package var results: [OperationResult?]
  }

  /// Every op, in the order the runs first met it.
  package var rows: [Row] {
    var order: [String] = []
    for run in runs { for r in run.results where !order.contains(r.op) { order.append(r.op) } }
    return order.map { op in
      let results = runs.map { run in run.results.first { $0.op == op } }
      return Row(
        op: op, documented: results.lazy.compactMap { $0?.documented }.first, results: results)
    }
  }

  /// How a run is named in headers: `CPython 3.11.7`; where two runs would
  /// read the same, their interpreters' paths tell them apart, and where
  /// those are the same too, their places in the run (`#2`).
  package var labels: [String] {
    func distinct(_ names: [String], _ tell: (Int) -> String) -> [String] {
      names.enumerated().map { i, name in
        names.filter { $0 == name }.count > 1 ? "\(name) \(tell(i))" : name
      }
    }
    let names = runs.map { run in
      run.python.map { "\($0.implementation) \($0.version)" } ?? "no interpreter"
    }
    let paths = distinct(names) { "(\(runs[$0].python?.path ?? "?"))" }
    return distinct(paths) { "#\($0 + 1)" }
  }

  /// Ops whose classes differ between interpreters (no class in common),
  /// with each interpreter's outcome.
  package var differences: [Row] {
    rows.filter { row in
      let outcomes = row.results.compactMap { $0?.classification?.outcome }
      return outcomes.indices.contains { i in
        outcomes.indices.contains { j in
          i < j && Comparison.change(outcomes[i], outcomes[j]) == .changed
        }
      }
    }
  }

  /// The worst of the runs' statuses: a failed op in any run (3) before a
  /// class that differs from the docs in any run (1).
  package var exitStatus: Int32 {
    let statuses = runs.map(\.exitStatus)
    if statuses.contains(ExitStatus.failed.rawValue) { return ExitStatus.failed.rawValue }
    return statuses.contains(ExitStatus.differs.rawValue) ? ExitStatus.differs.rawValue : 0
  }

  package init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeVersion(.version, current: Self.currentVersion, of: "side-by-side")
    runs = try c.decode([RunResults].self, forKey: .runs)
  }
}
