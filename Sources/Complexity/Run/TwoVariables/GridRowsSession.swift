import Foundation

/// One run of `sweep --two-variables`, from start to saved rows: which
/// rows, resumed from a journal (`GridJournal`) or new, each recorded as it
/// finishes.
///
///     let session = try GridRowsSession(["set.*"], options: options, output: "rows.json")
///     let rows = session.run(progress) { row in save(session.rows) }
///
/// Everything that can be wrong with the input (an op without a grid, a
/// journal of another metric or kind, a journal already at `output`) fails
/// in `init`, before anything is measured.
package final class GridRowsSession {
  /// Every row of the run, those a resumed journal holds included, in order.
  package let operations: [Operation]
  /// The rows still to sweep.
  package var todo: [Operation] { grid.operations }
  /// The metric, as given or as the resumed journal recorded it.
  package let metric: MetricChoice
  /// What the caller should show before the run (a journal's repairs).
  package let warnings: [String]
  /// The rows so far, in the run's order: the journal's, then each finished one.
  package var rows: [GridRows.Row] {
    operations.compactMap { op in finished[op.id] }
  }

  /// The rows still to sweep, and how.
  private let grid: GridRows
  private var finished: [String: GridRows.Row]
  private let journal: GridJournal?
  /// Held for the whole run: no second run writes the same journal.
  private let lock: OutputLock?

  /// - Parameters:
  ///   - patterns: op ids or globs (none: every row with a grid, or with
  ///     `resume` the journal's rows).
  ///   - metric: the metric asked for; nil: the journal's, else `auto`.
  ///   - output: the rows' file, beside which a new journal is started
  ///     (`FILE.jsonl`); nil: no journal. Not with `resume`.
  ///   - resume: a journal to continue: only the rows it lacks are swept.
  /// - Throws: `ComplexityError` naming what is wrong.
  package init(
    _ patterns: [String], options: Runner.Options, metric: MetricChoice? = nil,
    output: String? = nil, resume: String? = nil
  ) throws {
    let journalPath = resume ?? output.map(Journal.path(besideOutput:))
    lock = try journalPath.map { try OutputLock(for: $0) }
    var resumed: GridJournal.Contents?
    var opened: GridJournal?
    if let resume {
      (opened, resumed) = try GridJournal.resume(path: resume)
    } else if let journalPath, FileManager.default.fileExists(atPath: journalPath) {
      throw ComplexityError(
        .badInput,
        "\(journalPath) holds a run already: continue it with --resume \(journalPath), or "
          + "remove it to start anew")
    }
    self.metric = try MetricChoice.resolve(
      metric, journal: resumed?.header.metric, path: resume ?? "")
    let requested = patterns.isEmpty ? resumed?.header.ops ?? [] : patterns
    var grid = try GridRows(patterns: requested, options: options, metric: self.metric)
    operations = grid.operations
    finished = Dictionary(
      (resumed?.rows ?? []).map { ($0.op, $0) }, uniquingKeysWith: { _, last in last })
    grid.operations = operations.filter { [finished] in finished[$0.id] == nil }
    self.grid = grid
    warnings = resumed?.warnings ?? []
    if let opened {
      journal = opened
    } else if let journalPath {
      let header = GridJournal.Header(ops: operations.map(\.id), metric: self.metric)
      journal = try GridJournal.create(path: journalPath, header: header)
    } else {
      journal = nil
    }
  }

  /// Sweeps the rows still to do, in turn; each finished row is appended to
  /// the journal before `saved` sees it.
  ///
  /// - Parameter progress: progress, and a `.warning` (once) if the journal
  ///   cannot be written; the rows are still in the run's output.
  /// - Returns: every row of the run, in order.
  package func run(
    _ progress: @escaping (RunEvent) -> Void = { _ in },
    saved: (GridRows.Row) -> Void = { _ in }
  ) -> [GridRows.Row] {
    var journalFailed = false
    _ = grid.run(progress) { row in
      finished[row.op] = row
      do {
        try journal?.append(row)
      } catch {
        if !journalFailed { progress(.warning("\(error)")) }
        journalFailed = true
      }
      saved(row)
    }
    return rows
  }
}
