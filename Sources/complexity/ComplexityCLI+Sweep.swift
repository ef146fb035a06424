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
        rewritten as each operation finishes, and each finished operation is also
        appended as one JSON line to the journal FILE.jsonl; after an interruption,
        --resume FILE.jsonl runs only the operations the journal lacks.
        With --baseline, the exit status says whether a class changed against the
        stored run (1) or not (0), instead of checking the documentation.
        --metric instructions counts instructions per operation under valgrind's
        callgrind instead of timing: CPython ops in the interpreter, Swift ops in
        this tool re-run under valgrind (build it with -c release); --metric both
        does both, and where the verdicts differ the report says which to trust
        and why. The default, --metric auto, times every op and counts only those
        in doubt: inconclusive, or differing from the docs (where valgrind is
        installed).
        """)

    @Option(name: .customLong("op"), help: "An op id or glob ('set.*'); repeatable. (default: all)")
    var ops: [String] = []

    @Option(help: "The Python interpreter to time CPython ops in. (default: $PYTHON, then python3)")
    var python: String?

    @Option(
      name: .customLong("case"),
      help: "average: the tables' best/average column; worst: provoke the worst case (colliding hashes) and judge against the worst-case column.")
    var caseToTime: CaseToTime = .average

    @Flag(help: "Random positions across the container instead of one hot key.")
    var cold = false

    @Option(help: MetricSelection.help)
    var metric: MetricSelection?

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

    @OptionGroup var sizes: SizeSelection
    @OptionGroup var timing: TimingSelection
    @OptionGroup var output: OutputOptions

    func run() throws {
      // Everything that can be wrong with the input fails before any timing.
      let stored = try baseline.map(readResults)
      var journal: Journal?
      var resumed: Journal.Contents?
      if let resume {
        let (opened, contents) = try Journal.resume(path: resume)
        for warning in contents.warnings { warn("warning: \(warning)") }
        (journal, resumed) = (opened, contents)
      }
      let plan = try resumed?.header.plan ?? sizes.plan()
      let timingOptions = try resumed?.header.timing ?? timing.timing()
      let requested = ops.isEmpty ? resumed?.header.ops ?? [] : ops
      let operations =
        caseToTime == .worst
        ? try Catalog.standard.selectWorstCases(requested)
        : try Catalog.standard.select(requested)
      let metric = try MetricSelection.resolve(self.metric, resuming: resumed?.header, path: resume)
      if resumed?.header.metric == nil {
        try resumed.map { try metric.check(journal: $0.results, path: resume ?? "") }
      }
      let todo = resumed?.missing(from: operations) ?? operations
      if isDebugBuild && todo.contains(where: { $0.subject == .swift }) {
        warn(
          "warning: this is a DEBUG build: Swift containers are measured as unoptimised code, "
            + "and classes can come out wrong (a debug sort measured O(n)). "
            + "Build with -c release (./scripts/complexity does).")
      }
      if ProcessInfo.processInfo.environment["SWIFT_DETERMINISTIC_HASHING"] == "1"
        && metric != .instructions && todo.contains(where: { $0.subject == .swift })
      {
        warn(
          "warning: SWIFT_DETERMINISTIC_HASHING=1 seeds each Set and Dictionary by its size "
            + "alone: merging two of one size (union) then probes in clusters and measures "
            + "slower than O(n); unset it to time Swift as programs run")
      }

      let sweep = Complexity.Sweep(plan: plan, timing: timingOptions)
      let runner = Runner(
        options: Runner.Options(
          sweep: sweep, python: python ?? resumed?.header.python?.path, cold: cold,
          budget: timing.budget,
          memoryCap: timing.memoryCap,
          metrics: metric.metrics, countWhenInDoubt: metric == .auto,
          swiftWorker: CountWorker.command))
      try runner.check(todo)
      if todo.contains(where: { $0.subject == .python }) { try runner.preparePython() }
      if metric.metrics.contains(.instructions) && todo.contains(where: runner.canCount) {
        try runner.prepareValgrind()
      }
      try resumed?.check(interpreter: runner.interpreter)
      var results =
        resumed?.results ?? RunResults(python: runner.interpreter, plan: plan, timing: timingOptions)
      if results.python == nil { results.python = runner.interpreter }
      if journal == nil, let file = output.output {
        var header = Journal.Header(results, ops: operations.map(\.id))
        header.metric = metric.rawValue
        journal = try Journal.create(path: Journal.path(besideOutput: file), header: header)
      }
      if let resume, !quiet {
        warn(
          "resuming \(resume): \(operations.count - todo.count) of \(operations.count) ops "
            + "done, \(todo.count) to run")
      }

      let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
      var journalFailed = false
      _ = runner.run(todo) { event in
        progress.show(event)
        guard case .finishOperation(let result, _, _) = event else { return }
        results.results.append(result)
        // Write as we go: an interrupted run keeps every finished op, in
        // the journal (appended) and in --output (rewritten).
        do {
          try journal?.append(result)
        } catch {
          if !journalFailed { warn("warning: \(error)") }
          journalFailed = true
        }
        if output.output != nil {
          try? output.emit(try ResultsReport(results).render(output.format))
        }
      }
      progress.finish()
      try output.emit(try ResultsReport(results).render(output.format))
      if let plot { try PlotFolder.write(results, to: plot) }

      if let stored, let baseline {
        let comparison = Comparison(baseline: stored, run: results, labels: (baseline, "this run"))
        warn(ComparisonReport(comparison).baselineSummary())
        if comparison.exitStatus != 0 { throw ExitCode(comparison.exitStatus) }
        return
      }
      if results.exitStatus != 0 { throw ExitCode(results.exitStatus) }
    }
  }
}

/// Which column of the tables a sweep checks.
enum CaseToTime: String, ExpressibleByArgument, CaseIterable {
  case average
  case worst
}

/// `--metric`: what a sweep measures.
enum MetricSelection: String, ExpressibleByArgument, CaseIterable {
  case time
  case instructions
  case both
  case auto

  static let help = ArgumentHelp(
    "time: seconds per op; instructions: instructions per op under valgrind; both; auto: time, and instructions where time is in doubt. (default: auto; with --resume, the journal's)",
    discussion: """
      Instruction counts do not vary with the machine's load, so their verdicts repeat \
      exactly, but they are blind to cache misses and the kernel's work; time is what \
      users feel. With both, an op that time leaves inconclusive and instructions settle \
      reports the instruction verdict, and every disagreement is explained. Auto (the \
      default) counts only the ops whose timing is in doubt: inconclusive, or differing \
      from the documented class; it skips the counts where valgrind is missing, and says \
      so in the op's notes.
      """)

  /// The library's metrics.
  var metrics: [Metric] {
    switch self {
    case .time, .auto: return [.time]
    case .instructions: return [.instructions]
    case .both: return [.time, .instructions]
    }
  }

  /// The metric of a run: the one given, else the resumed journal's, else
  /// `auto`.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the one given is not
  ///   the journal's: one run never mixes ways of measuring.
  static func resolve(_ given: MetricSelection?, resuming header: Journal.Header?, path: String?)
    throws -> MetricSelection
  {
    guard let recorded = header?.metric else { return given ?? .auto }
    guard let theirs = MetricSelection(rawValue: recorded) else {
      throw ComplexityError(
        .badInput, "\(path ?? "the journal") was started with an unknown --metric '\(recorded)'")
    }
    if let given, given != theirs {
      throw ComplexityError(
        .badInput,
        "\(path ?? "the journal") was started with --metric \(theirs.rawValue), this run asks "
          + "for --metric \(given.rawValue): leave --metric out to continue it, or start a new run")
    }
    return theirs
  }

  /// For a journal that does not record its metric: refuses to resume one
  /// measured by another metric, judged from its results.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the journal's metric.
  func check(journal: RunResults, path: String) throws {
    for r in journal.results {
      let theirs: MetricSelection =
        r.metricComparison != nil ? .both : MetricSelection(rawValue: r.metric) ?? .time
      // With both metrics, an op that cannot be counted (a fake) is timed
      // only; auto times every op and counts some.
      let accepted: Set<MetricSelection>
      switch self {
      case .both:
        accepted = Catalog.standard[r.op]?.subject == .fake ? [.time] : [.both]
      case .auto: accepted = [.time, .both]
      default: accepted = [self]
      }
      if !accepted.contains(theirs) {
        throw ComplexityError(
          .badInput,
          "\(path) measured \(r.op) by --metric \(theirs.rawValue), this run would use "
            + "--metric \(rawValue): pass --metric \(theirs.rawValue), or start a new run")
      }
    }
  }
}
