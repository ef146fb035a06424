import Foundation

/// One `sweep` over several Python interpreters: a `RunSession` per
/// interpreter, run one after another (never two at once: each times alone
/// on the machine), their results side by side (`InterpreterRuns`).
///
/// Swift ops, which no interpreter runs, are measured in the first
/// interpreter's run only. Each run keeps its own journal beside the output
/// (`FILE.1.jsonl`, `FILE.2.jsonl`, …), so an interruption loses nothing
/// measured.
package final class SideBySideSession {
  /// One session per interpreter, in the order given.
  package let sessions: [RunSession]

  /// Prepares every interpreter's run before any is measured, so a missing
  /// interpreter or a journal in the way fails before any work.
  ///
  /// - Parameters:
  ///   - selection: the operations (as `RunSession` takes them).
  ///   - options: how to measure; its `python` is replaced by each of
  ///     `pythons` in turn.
  ///   - pythons: two or more interpreters (paths or names on `PATH`).
  ///   - metric: the metric asked for (nil: `auto`).
  ///   - output: the combined results file; each run's journal goes beside it.
  /// - Throws: `ComplexityError` naming what is wrong.
  package init(
    _ selection: RunSession.Selection, options: Runner.Options, pythons: [String],
    metric: MetricChoice?, output: String?
  ) throws {
    guard pythons.count >= 2 else {
      throw ComplexityError(.badInput, "side by side needs two or more interpreters (--python)")
    }
    var sessions: [RunSession] = []
    for (i, python) in pythons.enumerated() {
      var options = options
      options.python = python
      let session = try RunSession(
        selection, options: options, metric: metric, output: output.map { "\($0).\(i + 1)" },
        subjects: i == 0 ? nil : [.python])
      if i > 0, session.operations.isEmpty {
        throw ComplexityError(
          .badInput,
          "--python \(python): none of the selected ops runs in Python, so a second "
            + "interpreter has nothing to measure: give one --python, or select Python ops")
      }
      sessions.append(session)
    }
    self.sessions = sessions
  }

  /// What `run` warns of before it starts: each session's warnings, once.
  package var warnings: [String] {
    var seen: [String] = []
    for warning in sessions.flatMap(\.warnings) where !seen.contains(warning) {
      seen.append(warning)
    }
    return seen
  }

  /// Runs each interpreter's session in turn.
  ///
  /// - Parameters:
  ///   - starting: called before each interpreter's run, with its results
  ///     so far (its interpreter) and how many ops it has to do.
  ///   - delegate: progress of the current run.
  ///   - saved: all runs so far, after each finished op.
  /// - Returns: the runs side by side.
  @discardableResult
  package func run(
    starting: (RunResults, Int) -> Void = { _, _ in }, _ delegate: (RunEvent) -> Void = { _ in },
    saved: (InterpreterRuns) -> Void = { _ in }
  ) -> InterpreterRuns {
    var done: [RunResults] = []
    for session in sessions {
      starting(session.results, session.todo.count)
      let results = session.run(delegate) { partial in
        saved(InterpreterRuns(runs: done + [partial]))
      }
      done.append(results)
    }
    return InterpreterRuns(runs: done)
  }
}
