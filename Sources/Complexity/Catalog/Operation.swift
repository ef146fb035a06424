/// One documented operation: what is timed, against which documented class.
package struct Operation: Codable, Sendable, Equatable, Identifiable {
  /// Which subject times the operation.
  package enum SubjectKind: String, Codable, Sendable, CaseIterable {
    /// The real CPython interpreter, through the harness.
    case python
    /// Swift containers, timed in-process.
    case swift
    /// A deterministic stand-in with a known class, for tests and demos.
    case fake
  }

  /// The row of a documentation table this operation comes from.
  package struct SeedRow: Codable, Sendable, Equatable {
    /// The table, e.g. `Lists`.
    package var table: String
    /// The row's name, e.g. `Pop first`.
    package var operation: String
    /// The row's example, e.g. `l.pop(0)`.
    package var example: String
  }

  /// Which sizes an operation's sweep visits.
  package enum Sizing: String, Codable, Sendable {
    /// The plan's geometric grid.
    case geometric
    /// Powers of two only. Hash tables grow in powers of two, so their fill
    /// level (and with it the time per element) saws up and down between
    /// other sizes; at powers of two every size has the same fill.
    case powersOfTwo
  }

  /// Stable id, e.g. `list.pop0`; tests, docs and other tools use it.
  package var id: String
  package var subject: SubjectKind
  /// The documentation row (nil for operations the tables lack).
  package var seedRow: SeedRow?
  /// The size the sweep varies, e.g. `n = len(l)`.
  package var swept: String
  /// What is held fixed while `swept` varies (empty when nothing is).
  package var fixed: String
  /// The documented class for the swept variable (nil: none documented).
  package var documented: ComplexityClass?
  /// The documented cost as written, e.g. `O(min(len(s), len(t)))`.
  package var documentedText: String
  /// The worst-case column as written, where the table has one.
  package var worstCase: String?
  /// The worst-case column's class for the swept variable, for rows whose
  /// worst case the subject can provoke honestly (`sweep --case worst`).
  package var documentedWorst: ComplexityClass?
  /// Where the documented class comes from.
  package var source: String
  /// How the timing loop treats this operation (restores, fresh copies).
  package var method: String
  /// What the implementation really does, with a source reference; printed
  /// under a report's table when the row is flagged.
  package var implementationNote: String?
  /// Which sizes the sweep visits.
  package var sizing: Sizing
  /// The code the CPython harness runs (nil for other subjects).
  package var python: PythonCode?
  /// The code that provokes the worst case, for rows that have one.
  package var worstPython: PythonCode?
  /// The row's cost in two variables and the grid it is judged on, for
  /// a row whose documented cost has two.
  package var grid: Grid?
  /// Whether this is a row's worst-case variant (`worstCaseVariant`).
  package var isWorstCase = false

  /// The worst-case variant of this row: measured under `id@worst`, judged
  /// against the worst-case column, at sizes up to `worstCaseMaximumSize`
  /// (provoking it costs O(n²) to set up). Nil for rows without one.
  package var worstCaseVariant: Operation? {
    guard let worst = documentedWorst, !isWorstCase else { return nil }
    var op = self
    op.id = id + "@worst"
    op.documented = worst
    op.documentedText = worstCase ?? worst.rawValue
    op.method =
      "every key's hash collides (a class with a constant __hash__); "
      + "the key looked up is the last inserted, or absent"
    op.python = worstPython
    op.worstPython = nil
    op.isWorstCase = true
    return op
  }

  /// Whether the sweep may add sizes past the plan's: not for a worst
  /// case (its set-up is O(n²)) nor for a row that holds a variable fixed.
  package var isExtendable: Bool { !isWorstCase && fixed.isEmpty }

  /// The class a result in `metric` is judged against: the documented one,
  /// except for the catalog's memory, since its tables state time, not
  /// space (a user's `--expect` states what the user asks of either).
  package func documented(for metric: Metric) -> ComplexityClass? {
    metric.isSpace && Catalog.standard[id] != nil ? nil : documented
  }

  /// Largest size of a worst-case sweep.
  package static let worstCaseMaximumSize = 4096

  package init(
    id: String, subject: SubjectKind, seedRow: SeedRow?, swept: String, fixed: String = "",
    documented: ComplexityClass?, documentedText: String, worstCase: String? = nil,
    source: String, method: String, implementationNote: String? = nil,
    sizing: Sizing = .geometric, python: PythonCode? = nil
  ) {
    self.id = id
    self.subject = subject
    self.seedRow = seedRow
    self.swept = swept
    self.fixed = fixed
    self.documented = documented
    self.documentedText = documentedText
    self.worstCase = worstCase
    self.documentedWorst = nil
    self.source = source
    self.method = method
    self.implementationNote = implementationNote
    self.sizing = sizing
    self.python = python
  }
}
