import Foundation

/// Runs a list of operations through the sweep engine and the classifier,
/// one at a time (never two timings at once), reporting as it goes.
public final class Runner {
  /// Options that choose how operations are timed.
  public struct Options: Sendable {
    public var sweep: Sweep
    public var classifier: Classifier
    /// The interpreter for CPython operations (`--python`); nil finds one.
    public var python: String?
    /// Random positions across the container instead of one hot key.
    public var cold: Bool
    /// Further passes for an operation whose first pass is inconclusive.
    /// Each pass builds its inputs anew, and the samples of all passes are
    /// fitted together, so a slow spell or an unlucky memory layout of one
    /// pass does not decide the verdict.
    public var retries: Int

    public init(
      sweep: Sweep = Sweep(), classifier: Classifier = Classifier(), python: String? = nil,
      cold: Bool = false, retries: Int = 1
    ) {
      self.sweep = sweep
      self.classifier = classifier
      self.python = python
      self.cold = cold
      self.retries = retries
    }
  }

  public let options: Options
  private var harness: PythonHarness?

  public init(options: Options) { self.options = options }

  /// The interpreter, once a CPython operation has started it.
  public var interpreter: PythonInterpreter? { harness?.interpreter }

  /// Starts the Python harness now, so a missing interpreter fails before
  /// any work is done.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming what was tried.
  public func preparePython() throws {
    if harness == nil {
      let path = try PythonInterpreter.locate(explicit: options.python)
      harness = try PythonHarness(executable: path)
    }
  }

  /// Registers a user's Python snippet, and returns the operation that
  /// sweeps it (run it with `runOne` or `run`).
  ///
  /// - Parameter expected: the class to compare with, if any.
  /// - Throws: `ComplexityError` when the interpreter is missing or the code
  ///   does not compile.
  public func define(_ snippet: PythonSnippet, expected: ComplexityClass? = nil) throws
    -> Operation
  {
    try preparePython()
    try harness!.define(snippet)
    return Operation(
      id: snippet.id, subject: .python, seedRow: nil, swept: "n",
      documented: expected, documentedText: expected?.rawValue ?? "not given",
      source: "--expect", method: snippet.restore == nil ? "timed in a loop" : "fresh input per call")
  }

  /// Sweeps and classifies each operation in turn. A failing operation is
  /// reported as failed with its reason, and the others still run.
  ///
  /// - Parameter delegate: receives progress; `.finishOperation` arrives as
  ///   soon as each operation is done, so callers can save as they go.
  /// - Returns: one result per operation.
  public func run(_ operations: [Operation], delegate: (RunEvent) -> Void = { _ in })
    -> [OperationResult]
  {
    var results: [OperationResult] = []
    for (index, op) in operations.enumerated() {
      delegate(.startOperation(op, index: index, of: operations.count))
      let result = runOne(op) { delegate(.sweep(op, $0)) }
      results.append(result)
      delegate(.finishOperation(result, index: index, of: operations.count))
    }
    return results
  }

  /// Sweeps and classifies one operation.
  public func runOne(_ op: Operation, delegate: (SweepEvent) -> Void = { _ in })
    -> OperationResult
  {
    let start = Date()
    var points: [Point] = []
    do {
      points = try sweep(op, delegate: delegate)
      var classification = try options.classifier.classify(points)
      var passes = 1
      while classification.outcome.settled == nil && passes <= options.retries {
        if op.subject == .python { try harness?.reset() }
        points = (points + (try sweep(op, delegate: delegate))).mergedBySize()
        classification = try options.classifier.classify(points)
        passes += 1
      }
      if passes > 1 {
        classification.notes.append(
          "measured in \(passes) passes with fresh inputs: the first was inconclusive")
      }
      return OperationResult(
        op: op.id, documented: op.documented, classification: classification,
        points: points, seconds: Date().timeIntervalSince(start))
    } catch let failure as SweepFailure {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil,
        points: failure.partial, seconds: Date().timeIntervalSince(start),
        failure: failure.description)
    } catch {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil, points: points,
        seconds: Date().timeIntervalSince(start), failure: "\(error)")
    }
  }

  private func sweep(_ op: Operation, delegate: (SweepEvent) -> Void) throws -> [Point] {
    var sizes = options.sweep.plan.sizes(for: op.sizing)
    if op.id.hasSuffix("@worst") {
      sizes = sizes.filter { $0 <= Operation.worstCaseMaximumSize }
      guard sizes.count >= Classifier.minimumSizes else {
        throw ComplexityError(
          .badInput,
          "worst cases run at n ≤ \(Operation.worstCaseMaximumSize) (their set-up is O(n²)); "
            + "the sizes given leave fewer than \(Classifier.minimumSizes): lower --min-size")
      }
    }
    switch op.subject {
    case .fake:
      guard var subject = FakeSubject(operationID: op.id) else {
        throw ComplexityError(.badInput, "no fake subject for \(op.id)")
      }
      return try options.sweep.run(&subject, sizes: sizes, delegate: delegate)
    case .python:
      try preparePython()
      var subject = PythonSubject(op: op.id, harness: harness!, cold: options.cold)
      return try options.sweep.run(&subject, sizes: sizes, delegate: delegate)
    case .swift:
      guard var subject = SwiftOperations.subject(for: op.id) else {
        throw ComplexityError(.badInput, "no Swift subject for \(op.id)")
      }
      return try options.sweep.run(&subject, sizes: sizes, delegate: delegate)
    }
  }
}
