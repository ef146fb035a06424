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
public struct Race {
  public var recipe: RaceRecipe
  /// Samples per size and the shortest sample (the recipe's `repeats`
  /// overrides `timing.repeats`).
  public var timing: TimingOptions
  public var classifier: Classifier

  public init(
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
  ///   - delegate: progress, as the sweep engine reports it.
  /// - Throws: `ComplexityError(.missingTool, …)` when the interpreter or a
  ///   required module is missing, `.subject` when an implementation fails.
  public func run(python: String?, delegate: (SweepEvent) -> Void = { _ in }) throws
    -> RaceResult
  {
    try recipe.validate()
    let path = try PythonInterpreter.locate(explicit: python)
    try recipe.checkRequirements(python: path)
    let harness = try PythonHarness(executable: path)
    defer { harness.stop() }
    for (snippet, impl) in zip(recipe.snippets(), recipe.implementations) {
      do {
        try harness.define(snippet)
      } catch let error as ComplexityError {
        throw ComplexityError(error.kind, "implementation '\(impl.name)': \(error.description)")
      }
    }
    var subjects = recipe.implementations.map {
      PythonSubject(op: RaceRecipe.opID($0.name), harness: harness)
    }
    do {
      var result = try run(&subjects, delegate: delegate)
      result.interpreter = harness.interpreter
      return result
    } catch let failure as InterleavedFailure {
      throw explain(failure, python: harness.interpreter.path)
    }
  }

  /// Runs the race on any subjects, one per implementation in the recipe's
  /// order, and classifies each (the core of `run(python:)`, open to fakes).
  ///
  /// - Throws: `InterleavedFailure` when a subject fails.
  public func run<S: Subject>(_ subjects: inout [S], delegate: (SweepEvent) -> Void = { _ in })
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
    return RaceResult(
      name: recipe.name, about: recipe.about, variable: recipe.variable, timing: timing,
      entries: entries, seconds: Date().timeIntervalSince(start))
  }

  // MARK: - Implementation details

  /// A failure as the user should read it: which implementation, and for
  /// an import the interpreter cannot satisfy, what to install.
  private func explain(_ failure: InterleavedFailure, python: String) -> ComplexityError {
    let name = recipe.implementations[failure.subject].name
    let text = "\(failure.underlying)"
    if let range = text.range(of: "No module named '") {
      let module = text[range.upperBound...].prefix { $0 != "'" }
      let package = String(module.split(separator: ".").first ?? module[...])
      return RaceRecipe.missingModule(package, module: String(module), python: python, recipe: recipe.name)
    }
    return ComplexityError(.subject, "implementation '\(name)' failed at \(recipe.variable) = \(failure.size): \(text)")
  }
}
