import Foundation

/// Races several implementations of one job over the same sizes, in the
/// same interpreter, interleaved so that machine noise hits all alike, and
/// classifies each.
///
///     let race = Race(recipe: try RaceRecipe.load(path: "examples/races/build-list.json"))
///     let result = try race.run(python: nil)
///     print(result.summary.joined(separator: "\n"))
///
/// What is timed: the recipe's statement (or `run(x)`), in a calibrated
/// loop, on an input the set-up built untimed; the minimum over rounds is
/// fitted, as in a sweep.
package struct Race {
  package var recipe: RaceRecipe
  /// Samples per size and the shortest sample (the recipe's `repeats`
  /// overrides `timing.repeats`).
  package var timing: TimingOptions
  package var classifier: Classifier

  package init(
    recipe: RaceRecipe, timing: TimingOptions = TimingOptions(),
    classifier: Classifier = Classifier()
  ) {
    self.recipe = recipe
    self.timing = timing
    self.classifier = classifier
    if let repeats = recipe.repeats { self.timing.repeats = repeats }
  }

  /// Runs the race in a CPython interpreter.
  ///
  /// - Parameters:
  ///   - python: the interpreter (`--python`); nil finds one.
  ///   - metric: time (default), or instructions counted under callgrind
  ///     (see `count(python:delegate:)`).
  ///   - delegate: progress, as the sweep engine reports it.
  /// - Throws: `ComplexityError(.missingTool, …)` when the interpreter, a
  ///   required module or valgrind is missing, `.subject` when an
  ///   implementation fails, `.badInput` for a scaling race counted.
  package func run(
    python: String?, metric: Metric = .time, delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> RaceResult {
    try recipe.validate()
    if metric != .time && recipe.isScaling {
      throw ComplexityError(
        .badInput,
        "\(recipe.name) is a scaling race (over \(recipe.variable)): its speed-up is a matter "
          + "of time, and valgrind runs threads one at a time and does not follow child "
          + "processes, so instruction counts cannot show it: use --metric time")
    }
    let path = try PythonInterpreter.locate(explicit: python)
    try recipe.checkRequirements(python: path)
    let pool = SubjectPool(python: path, cold: false, swiftWorker: nil)
    defer { pool.stop() }
    if metric != .time { return try count(in: pool, metric: metric, delegate: delegate) }
    let harness = try pool.timingHarness()
    for (op, impl) in zip(operations, recipe.implementations) {
      do {
        try harness.define(op.id, op.python!)
      } catch let error as ComplexityError {
        throw ComplexityError(error.kind, "implementation '\(impl.name)': \(error.description)")
      }
    }
    var subjects = operations.map { PythonSubject(op: $0.id, harness: harness) }
    do {
      var result = try run(&subjects, delegate: delegate)
      result.interpreter = harness.interpreter
      if recipe.classesBy == .instructions, !recipe.isScaling {
        try classifyByCounts(&result, in: pool, delegate: delegate)
      }
      return result
    } catch let failure as SweepFailure {
      throw explain(failure, python: harness.interpreter.path)
    }
  }

  /// Runs the race on any subjects, one per implementation in the recipe's
  /// order, and classifies each (the core of `run(python:)`, open to fakes).
  ///
  /// - Throws: `SweepFailure` naming the subject that failed.
  package func run<S: Subject>(
    _ subjects: inout [S], delegate: (SweepEvent) -> Void = { _ in }
  )
    throws -> RaceResult
  {
    precondition(subjects.count == recipe.implementations.count, "one subject per implementation")
    let start = Date()
    let sweep = Sweep(timing: timing)
    let points = try sweep.runInterleaved(
      &subjects, sizes: recipe.sizes.resolve(), delegate: delegate)
    let entries = zip(recipe.implementations, points).map { impl, points in
      var entry = RaceResult.Entry(name: impl.name, points: points)
      if !recipe.isScaling {
        do {
          entry.classification = try classifier.classify(points)
        } catch {
          entry.failure = "\(error)"
        }
      }
      return entry
    }
    var result = RaceResult(
      name: recipe.name, about: recipe.about, variable: recipe.variable, timing: timing,
      entries: entries, seconds: Date().timeIntervalSince(start))
    result.claims = recipe.claims.filter { ($0.metric ?? .time) == .time }
    result.cores = ProcessInfo.processInfo.activeProcessorCount
    return result
  }

  /// Counts each implementation's instructions under callgrind, one
  /// valgrind process per implementation, and classifies each.
  ///
  /// Counts do not depend on the machine's load, so nothing needs
  /// interleaving: the implementations are counted one after another
  /// (`CountingSweep`), and the ratios are of instructions per call. What
  /// callgrind sees is the interpreter's own process: all its threads (run
  /// one at a time under valgrind), none of its child processes.
  /// A scaling race is refused before (`run`): a speed-up is a matter of
  /// time, and valgrind runs threads one at a time.
  ///
  /// With `metric` `.memory`, the same sweep measures each implementation's
  /// peak bytes per call above its input (tracemalloc in the harness, as
  /// `sweep --metric memory` does), which no more depends on load.
  func count(
    in pool: SubjectPool, metric: Metric = .instructions, delegate: (SweepEvent) -> Void
  )
    throws -> RaceResult
  {
    if metric == .instructions { try pool.callgrind() }
    // Valgrind needs the interpreter binary, not a shim: the harness asks it.
    let interpreter = try pool.timingHarness().interpreter
    if metric.isSpace,
      let why = operations.lazy.compactMap({ pool.whyNoMemory($0, metric: metric) }).first
    {
      throw ComplexityError(.badInput, "--metric \(metric.rawValue): \(why): use --metric time")
    }
    let start = Date()
    let counting =
      metric.isSpace
      ? CountingOptions(repeats: 2, minimumSampleInstructions: 1)
      : CountingOptions(repeats: min(timing.repeats, CountingOptions().repeats))
    let sweep = CountingSweep(counting: counting, classifier: classifier)
    let sizes = recipe.sizes.resolve()
    var entries: [RaceResult.Entry] = []
    for (op, impl) in zip(operations, recipe.implementations) {
      do {
        var outcome = try pool.withSubject(for: op, metric: metric) { subject, notes in
          var outcome = try sweep.run(&subject, grid: sizes, extendable: false, delegate: delegate)
          outcome.classification.notes += notes
          return outcome
        }
        if metric == .instructions { outcome.classification.notes.append(Self.processNote) }
        entries.append(
          RaceResult.Entry(
            name: impl.name, points: outcome.points, classification: outcome.classification))
      } catch let failure as SweepFailure {
        guard let size = failure.size else {
          // As in a timed race: the points stand, the entry says why it has no class.
          entries.append(
            RaceResult.Entry(
              name: impl.name, points: failure.partial, failure: failure.description))
          continue
        }
        throw ComplexityError(
          .subject,
          "implementation '\(impl.name)' failed at \(recipe.variable) = \(size): "
            + "\(failure.underlying)")
      } catch let error as ComplexityError {
        throw ComplexityError(error.kind, "implementation '\(impl.name)': \(error.description)")
      }
    }
    var result = RaceResult(
      name: recipe.name, about: recipe.about, variable: recipe.variable,
      interpreter: interpreter, entries: entries,
      seconds: Date().timeIntervalSince(start))
    result.metric = metric
    result.claims = recipe.claims.filter { ($0.metric ?? .time) == metric }
    result.cores = ProcessInfo.processInfo.activeProcessorCount
    return result
  }

  /// Replaces each timed entry's class by its instruction counts' (time's
  /// own class stays in its notes): an O(n) loop is O(n) whatever the
  /// caches do at 1M; the ratios and claims stay time's.
  private func classifyByCounts(
    _ result: inout RaceResult, in pool: SubjectPool, delegate: (SweepEvent) -> Void
  ) throws {
    let counted = try count(in: pool, metric: .instructions, delegate: delegate)
    result.classesBy = .instructions
    for (i, entry) in counted.entries.enumerated() where i < result.entries.count {
      guard var classification = entry.classification else { continue }
      let time = result.entries[i].classification?.outcome.description ?? "unclassified"
      classification.notes.append(
        "class by instruction counts (the race's classesBy); by time at these sizes: \(time)")
      result.entries[i].classification = classification
    }
  }

  /// What a counted race cannot see.
  static let processNote =
    "counted in the interpreter's own process: all its threads, run one at a time under "
    + "valgrind, but no child process (work sent to multiprocessing or dask process "
    + "workers is not counted)"

  // MARK: - Implementation details

  /// The implementations as operations, in the recipe's order.
  private var operations: [Operation] {
    zip(recipe.code(), recipe.implementations).map {
      Operation.userCode($0, id: RaceRecipe.opID($1.name))
    }
  }

  /// A failure as the user should read it: which implementation, and for
  /// an import the interpreter cannot satisfy, what to install.
  private func explain(_ failure: SweepFailure, python: String) -> ComplexityError {
    let name = recipe.implementations[failure.subject ?? 0].name
    let text = "\(failure.underlying)"
    if let range = text.range(of: "No module named '") {
      let module = text[range.upperBound...].prefix { $0 != "'" }
      let package = String(module.split(separator: ".").first ?? module[...])
      return RaceRecipe.missingModule(
        package, module: String(module), python: python, recipe: recipe.name)
    }
    return ComplexityError(
      .subject,
      "implementation '\(name)' failed at \(recipe.variable) = \(failure.size ?? 0): \(text)")
  }
}
