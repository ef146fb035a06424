import Foundation

/// One run of `sweep` or `time`, from start to saved results: which
/// operations, resumed from a journal or new, recorded as each finishes.
///
///     let session = try RunSession(.catalog(["list.*"]), options: options, output: "out.json")
///     let results = session.run(progress) { partial in save(partial) }
///
/// Everything that can be wrong with the input (an unknown op, a journal of
/// another metric or interpreter, a missing tool) fails in `init`, before
/// anything is measured.
package final class RunSession {
  /// What a run covers.
  package enum Selection {
    /// Catalog ops by id or glob (none: the whole catalog), or their worst
    /// cases.
    case catalog([String], worstCase: Bool = false)
    /// Operations built by the caller (a user's own code).
    case operations([Operation])
  }

  /// Every operation of the run, those a resumed journal holds included.
  package let operations: [Operation]
  /// The operations still to measure.
  package let todo: [Operation]
  /// The metric, as given or as the resumed journal recorded it.
  package let metric: MetricChoice
  /// What the caller should show before the run: a journal's repairs, a
  /// build or an environment that skews what is measured.
  package let warnings: [String]
  /// The results so far: the resumed journal's, then each finished op's.
  package private(set) var results: RunResults

  private let runner: Runner
  private var journal: Journal?
  /// Held for the whole run: no second run writes the same journal.
  private let lock: OutputLock?

  /// Prepares a run: resolves the operations and the metric, starts the
  /// tools they need, and opens the journal.
  ///
  /// - Parameters:
  ///   - selection: the operations.
  ///   - options: how to measure them; with `resume`, the journal's sizes,
  ///     timing and interpreter (unless `options.python` is given) are used.
  ///   - metric: the metric asked for; nil: the journal's, else `auto`.
  ///   - output: the results file, beside which a new journal is started
  ///     (`FILE.jsonl`); nil: no journal. Not with `resume`.
  ///   - resume: a journal to continue: only the ops it lacks are run, and
  ///     appended to it. A catalog selection with no patterns takes its ops.
  ///   - settingsGiven: whether `options`' sizes and timing were asked for
  ///     (a resumed run refuses them when they are not the journal's).
  ///   - baseline: stored results (and their path) the run will be compared
  ///     with; they must hold some of its ops.
  ///   - subjects: only the selected ops of these subjects (nil: all).
  /// - Throws: `ComplexityError` naming what is wrong.
  package init(
    _ selection: Selection, options: Runner.Options, metric: MetricChoice? = nil,
    output: String? = nil, resume: String? = nil, settingsGiven: Bool = false,
    baseline: (results: RunResults, path: String)? = nil,
    subjects: Set<Operation.SubjectKind>? = nil
  ) throws {
    var options = options
    var warnings: [String] = []
    var resumed: Journal.Contents?
    let journalPath = resume ?? output.map(Journal.path(besideOutput:))
    lock = try journalPath.map { try OutputLock(for: $0) }
    if let resume {
      let (opened, contents) = try Journal.resume(path: resume)
      (journal, resumed) = (opened, contents)
      warnings += contents.warnings
      try Self.checkSettings(
        options, given: settingsGiven, against: contents.header, path: resume)
      (options.plan, options.timing) = (contents.header.plan, contents.header.timing)
      options.python = options.python ?? contents.header.python?.path
    } else if let journalPath, FileManager.default.fileExists(atPath: journalPath) {
      throw ComplexityError(
        .badInput,
        "\(journalPath) holds a run already: continue it with --resume \(journalPath), or "
          + "remove it to start anew")
    }
    var chosen: [Operation]
    switch selection {
    case .catalog(let patterns, let worstCase):
      let requested = patterns.isEmpty ? resumed?.header.ops ?? [] : patterns
      chosen =
        worstCase
        ? try Catalog.standard.selectWorstCases(requested)
        : try Catalog.standard.select(requested)
    case .operations(let given):
      chosen = given
    }
    operations = subjects.map { kinds in chosen.filter { kinds.contains($0.subject) } } ?? chosen
    if let baseline {
      try Comparison.check(baseline: baseline.results, path: baseline.path, covers: operations)
    }
    self.metric = try MetricChoice.resolve(
      metric, journal: resumed?.header.metric, path: resume ?? "")
    if let resumed, resumed.header.metric == nil {
      try self.metric.check(journal: resumed.results, path: resume ?? "")
    }
    todo = resumed?.missing(from: operations) ?? operations
    options.metric = self.metric
    runner = Runner(options: options)
    try runner.prepare(todo)
    try resumed?.check(interpreter: runner.interpreter)
    self.warnings = warnings + Self.skews(todo, metric: self.metric)

    results =
      resumed?.results
      ?? RunResults(python: runner.interpreter, plan: options.plan, timing: options.timing)
    if results.python == nil { results.python = runner.interpreter }
    if case .catalog = selection { results.command = "sweep" } else { results.command = "time" }
    if journal == nil, let journalPath {
      var header = Journal.Header(results, ops: operations.map(\.id))
      header.metric = self.metric
      journal = try Journal.create(path: journalPath, header: header)
    }
  }

  /// Refuses sizes or timing asked for that are not the resumed journal's:
  /// one run never mixes two plans.
  private static func checkSettings(
    _ options: Runner.Options, given: Bool, against header: Journal.Header, path: String
  ) throws {
    guard given, options.plan != header.plan || options.timing != header.timing else { return }
    func describe(_ plan: SizePlan, _ timing: TimingOptions) -> String {
      "n = \(plan.minimum)…\(plan.maximum), \(plan.pointsPerOctave) per octave, "
        + "\(timing.repeats) repeats of at least \(timing.minimumSampleSeconds) s"
    }
    throw ComplexityError(
      .badInput,
      "\(path) was measured with \(describe(header.plan, header.timing)); this run asks for "
        + "\(describe(options.plan, options.timing)): leave the size and timing options out "
        + "to continue it, or start a new run")
  }

  /// Measures every op still to do, in order. Each finished op is appended
  /// to the journal and handed to `saved` with the results so far, so an
  /// interrupted run keeps every op it finished.
  ///
  /// - Parameters:
  ///   - delegate: progress, and a `.warning` if the journal cannot be written.
  ///   - saved: the results after each op.
  /// - Returns: every result, the resumed journal's first.
  @discardableResult
  package func run(
    _ delegate: (RunEvent) -> Void = { _ in }, saved: (RunResults) -> Void = { _ in }
  ) -> RunResults {
    var journalFailed = false
    _ = runner.run(todo) { event in
      delegate(event)
      guard case .finishOperation(let result, _, _) = event else { return }
      results.results.append(result)
      do {
        try journal?.append(result)
      } catch {
        if !journalFailed { delegate(.warning("\(error)")) }
        journalFailed = true
      }
      saved(results)
    }
    return results
  }

  /// What would skew the measurements of `todo`, as warnings.
  private static func skews(_ todo: [Operation], metric: MetricChoice) -> [String] {
    guard todo.contains(where: { $0.subject == .swift }) else { return [] }
    var warnings: [String] = []
    if isDebugBuild {
      warnings.append(
        "this is a DEBUG build: Swift containers are measured as unoptimised code, "
          + "and classes can come out wrong (a debug sort measured O(n)). "
          + "Build with -c release (./scripts/complexity does).")
    }
    if ProcessInfo.processInfo.environment["SWIFT_DETERMINISTIC_HASHING"] == "1"
      && metric != .instructions
    {
      warnings.append(
        "SWIFT_DETERMINISTIC_HASHING=1 seeds each Set and Dictionary by its size "
          + "alone: merging two of one size (union) then probes in clusters and measures "
          + "slower than O(n); unset it to time Swift as programs run")
    }
    return warnings
  }
}
