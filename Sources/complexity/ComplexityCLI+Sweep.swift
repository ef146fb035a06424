import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity sweep`: time operations, fit them, compare with the docs.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Time operations over a range of sizes, fit their class, compare with the docs.",
      discussion: """
        With no --op, runs the whole catalog. With --output FILE, the file is
        rewritten every few seconds as operations finish (and at the end), and
        each finished operation is appended at once as one JSON line to the
        journal FILE.jsonl; after an interruption, --resume FILE.jsonl runs
        only the operations the journal lacks.
        With --baseline, the exit status says whether a class changed against the
        stored run (1) or not (0), instead of checking the documentation.
        --metric instructions counts instructions per operation under valgrind's
        callgrind instead of timing: CPython ops in the interpreter, Swift ops in
        this tool re-run under valgrind (build it with -c release); --metric both
        does both, and where the verdicts differ the report says which to trust
        and why. The default, --metric auto, counts every op that can be counted
        (in parallel, cached between runs: --no-cache counts again), lets the counts
        decide the class and the verdict, and times each op after, shown beside.
        """)

    @Option(name: .customLong("op"), help: "An op id or glob ('set.*'); repeatable. (default: all)")
    var ops: [String] = []

    @Option(
      name: .customLong("python"),
      help: ArgumentHelp(
        "The Python interpreter to run Python ops in; repeatable. (default: $PYTHON, then python3)",
        discussion: """
          Given twice or more (--python python3 --python pypy3), each interpreter runs the \
          Python ops in turn, and the report shows them side by side: per interpreter its \
          class, verdict and cost at the largest size.
          """))
    var pythons: [String] = []

    /// The one interpreter of a run that has one.
    var python: String? { pythons.first }

    @Option(
      name: .customLong("case"),
      help:
        "average: the tables' best/average column; worst: provoke the worst case (colliding hashes) and judge against the worst-case column."
    )
    var caseToTime: CaseToTime = .average

    @Flag(help: "Random positions across the container instead of one hot key.")
    var cold = false

    @Option(help: MetricChoice.help.withDefault("auto; with --resume, the journal's"))
    var metric: MetricChoice?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Option(
      help: ArgumentHelp(
        "Continue the run in this journal (the FILE.jsonl beside --output FILE).",
        discussion: """
          Only the ops it lacks are run, and appended to it. The journal's sizes, timing \
          and interpreter are used; without --op, so are its ops.
          """, valueName: "journal"))
    var resume: String?

    @Option(
      help: ArgumentHelp(
        "Stored results (JSON or journal) to compare with; exit 1 when a class differs.",
        valueName: "file"))
    var baseline: String?

    @Option(
      help: ArgumentHelp(
        "When done, write one SVG plot per op and index.html into this folder.",
        valueName: "dir"))
    var plot: String?

    @Flag(
      help: ArgumentHelp(
        "Sweep the rows whose documented cost is in two variables over their grids instead.",
        discussion: """
          Each row's formula as the seed writes it (O(nk), O(len(s)+len(t))) is judged on \
          a grid: its second variable at several values, n swept at each (sizes are the \
          row's own).
          """))
    var twoVariables = false

    @OptionGroup var sizes: SizeSelection
    @OptionGroup var timing: TimingSelection
    @OptionGroup var counting: CountingSelection
    @OptionGroup var output: OutputOptions

    func run() throws {
      if twoVariables { return try runGridRows() }
      if pythons.count > 1 { return try runSideBySide() }
      // Everything that can be wrong with the input fails before any timing.
      let stored = try baseline.map(readResults)
      try output.check()
      try plot.map { try PlotFolder.check($0) }
      let session = try RunSession(
        .catalog(ops, worstCase: caseToTime == .worst), options: try runnerOptions(),
        metric: metric, output: resume == nil ? output.output : nil, resume: resume,
        settingsGiven: sizes.isGiven || timing.isGiven,
        baseline: stored.map { ($0, baseline ?? "") })
      for warning in session.warnings { warn("warning: \(warning)") }
      if let resume, !quiet {
        warnResuming(resume, total: session.operations.count, todo: session.todo.count, "ops")
      }
      let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
      // Write as we go: an interrupted run keeps every finished op, in the
      // journal (appended) and in --output (rewritten every few seconds).
      var pace = RewritePace()
      let results = session.run(progress.show) { partial in
        if output.output != nil, pace.due() {
          try? output.emit(try ResultsReport(partial).render(output.format))
        }
      }
      progress.finish()
      try output.emit(try ResultsReport(results).render(output.format))
      if let plot { try PlotFolder.write(results, to: plot) }
      var status = results.exitStatus
      if let stored, let baseline {
        let comparison = Comparison(baseline: stored, run: results, labels: (baseline, "this run"))
        warn(ComparisonReport(comparison).baselineSummary())
        status = ExitStatus.of(run: status, comparedWithBaseline: comparison.exitStatus)
      }
      if status != 0 { throw ExitCode(status) }
    }
  }
}

extension ComplexityCLI.Sweep {
  /// How the runner measures, as the options say.
  func runnerOptions() throws -> Runner.Options {
    Runner.Options(
      plan: try sizes.plan(), timing: try timing.timing(), limits: try timing.limits(),
      python: python, cold: cold, swiftWorker: ComplexityCLI.CountWorker.command,
      cache: counting.cache, countingWorkers: try counting.jobs())
  }

  /// Says how far the resumed journal had got: `resuming J: 2 of 5 ops done, 3 to run`.
  private func warnResuming(_ journal: String, total: Int, todo: Int, _ unit: String) {
    warn("resuming \(journal): \(total - todo) of \(total) \(unit) done, \(todo) to run")
  }

  /// `sweep --two-variables`: the catalog's two-variable rows over their
  /// grids (`GridRowsSession`), resumable from their journal and checked
  /// against a baseline.
  func runGridRows() throws {
    if pythons.count > 1 || sizes.isGiven {
      throw ValidationError(
        "--two-variables sweeps each row over its own grid, in one interpreter: leave out "
          + "the size options and a second --python")
    }
    let stored = try baseline.map { path -> [GridRows.Row] in
      guard let rows = try GridRowsFile.rows(path: path) else {
        throw ValidationError(
          "--baseline \(path) holds no rows in two variables: give the --format json output "
            + "(or the FILE.jsonl journal) of an earlier sweep --two-variables")
      }
      return rows
    }
    try output.check()
    try plot.map { try PlotFolder.check($0) }
    let session = try GridRowsSession(
      ops, options: try runnerOptions(), metric: metric,
      output: resume == nil ? output.output : nil, resume: resume)
    for warning in session.warnings { warn("warning: \(warning)") }
    if let resume, !quiet {
      warnResuming(resume, total: session.operations.count, todo: session.todo.count, "rows")
    }
    let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    // Write as we go: an interrupted run keeps every finished row, in the
    // journal (appended) and in --output (rewritten).
    let done = session.run(progress.show) { row in
      if output.output != nil {
        try? output.emit(try GridRowsReport(session.rows).render(output.format))
      }
      if !quiet {
        progress.finish()
        warn("\(row.op): \(row.report?.measured ?? "failed: " + (row.failure ?? ""))")
      }
    }
    progress.finish()
    let report = GridRowsReport(done)
    try output.emit(try report.render(output.format))
    if let plot { try PlotFolder.write(done, to: plot) }
    var status = report.exitStatus
    if let stored, let baseline {
      let comparison = GridRowsComparison(stored, done, labels: (baseline, "this run"))
      warn(GridRowsComparisonReport(comparison).baselineSummary())
      status = ExitStatus.of(run: status, comparedWithBaseline: comparison.exitStatus)
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// `sweep` with two or more `--python`: each interpreter in turn, the
  /// report side by side.
  func runSideBySide() throws {
    if resume != nil || baseline != nil {
      throw ValidationError(
        "--resume and --baseline continue or check one interpreter's run: give one --python")
    }
    try output.check()
    try plot.map { try PlotFolder.check($0) }
    let session = try SideBySideSession(
      .catalog(ops, worstCase: caseToTime == .worst), options: try runnerOptions(),
      pythons: pythons, metric: metric, output: output.output)
    for warning in session.warnings { warn("warning: \(warning)") }
    let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    var pace = RewritePace()
    let runs = session.run(
      starting: { run, count in
        if !quiet {
          let python = run.python.map { "\($0.implementation) \($0.version) (\($0.path))" } ?? "?"
          warn("\(python): \(count) ops")
        }
      }, progress.show,
      saved: { partial in
        if output.output != nil, pace.due() {
          try? output.emit(try SideBySideReport(partial).render(output.format))
        }
      })
    progress.finish()
    try output.emit(try SideBySideReport(runs).render(output.format))
    if let plot { try PlotFolder.write(runs, to: plot) }
    if runs.exitStatus != 0 { throw ExitCode(runs.exitStatus) }
  }
}

/// Which column of the tables a sweep checks.
enum CaseToTime: String, ExpressibleByArgument, CaseIterable {
  case average
  case worst
}
