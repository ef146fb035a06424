/// Measures how the cost of `run` grows with the size of its input, and
/// classifies it.
///
///     let result = try measureComplexity(
///       setUp: { n in Array(0..<n) },
///       run: { array in array.contains(-1) })
///     XCTAssertEqual(result.class, .linear, "\(result)")
///
/// The input is built by `setUp` for each size, untimed. How it is kept at
/// its size is `mode`'s business:
///
/// - `.shared` (default): one input per size; `run` must leave it at its
///   size (remove what it adds, put back what it removes).
/// - `.blocks(restore:)`: amortised operations such as `append`; calls run
///   in blocks of n/2 and `restore(&input, n)` cuts the input back, untimed.
/// - `.fresh`: every call gets a fresh input from `setUp` (for `sort`,
///   `removeAll`, anything that cannot be undone cheaply).
///
/// The defaults fit a unit test: n = 64…16384, five samples per size of at
/// least half a millisecond each; a few tenths of a second for most
/// operations. Time your code in a release build (`swift test -c release`):
/// unoptimised code has different constant factors, and the result says so
/// in `warnings`.
///
/// With `metric: .memory`, every sample is the peak bytes each call
/// allocates above its input (one byte a call added, so that nothing
/// allocated is a constant), counted by the counting allocator preloaded
/// into the test process (`./scripts/memory-tests` runs tests so); without
/// it, it throws `ComplexityError(.missingTool, …)`: check
/// `canMeasureAllocations` first to skip instead.
///
/// With `metric: .instructions`, every sample is the instructions its
/// calls executed, counted by the callgrind the process runs under
/// (`./scripts/count-tests` re-runs tests so): the counts do not depend on
/// the machine's load, so the verdict repeats exactly. Outside callgrind
/// it throws `ComplexityError(.missingTool, …)`; check
/// `canCountInstructions` first to skip instead. `timing` and `budget`
/// are then unused: `counting` says how samples are counted, and sizes are
/// visited as `CountingSweep` does. With a `.shared` or `.blocks` input,
/// the three smallest sizes are counted again on inputs built anew; where
/// those count otherwise (a `Set` seeded by its address, a `setUp` that
/// draws random values), every size is, and the class must hold for draws
/// of the inputs per size (up to six inputs where it stays open).
///
/// - Parameters:
///   - sizes: the sizes to time (default `SizePlan.unitTest`).
///   - timing: samples per size and their length (default `.unitTest`).
///   - classifier: the fitting rules (default `Classifier()`).
///   - mode: how the input is kept at its size (default `.shared`).
///   - metric: seconds by the clock (default), instructions under callgrind,
///     or peak bytes by the preloaded counting allocator.
///   - counting: how instructions are counted (with `metric: .instructions`).
///   - budget: seconds the measurement may take before it stops looking
///     for a separation (`AdaptiveSweep`: coarse sizes first, then finer,
///     larger, and a second pass with fresh inputs; default 5).
///   - setUp: builds the input of size `n`.
///   - run: the code timed; its result is kept alive so it is not optimised away.
/// - Returns: the classification with its evidence.
/// - Throws: `ComplexityError` for bad sizes or timing options, an error of
///   `setUp` or `run`, or a fit that GSL cannot make.
public func measureComplexity<Input, Output>(
  sizes: SizePlan = .unitTest,
  timing: TimingOptions = .unitTest,
  classifier: Classifier = Classifier(),
  mode: InProcessSubject<Input, Output>.Mode = .shared,
  metric: Metric = .time,
  counting: CountingOptions = CountingOptions(),
  budget: Double = 5,
  setUp: @escaping (Int) throws -> Input,
  run: @escaping (inout Input) throws -> Output
) throws -> ComplexityResult {
  try sizes.validate()
  try timing.validate()
  try counting.validate()
  var warnings: [String] = []
  if isDebugBuild {
    warnings.append(
      "measured in a debug build: constant factors are not those of optimised code "
        + "(run the tests with -c release)")
  }
  if metric == .instructions {
    var subject = InProcessSubject(
      mode: mode, meter: try .instructions(), setUp: setUp, operation: run)
    let sweep = CountingSweep(plan: sizes, counting: counting, classifier: classifier)
    return ComplexityResult(
      try unwrapped { try sweep.run(&subject, grid: sizes.sizes) }, warnings: warnings,
      metric: .instructions)
  }
  if metric.isSpace {
    // Bytes repeat from call to call: counted like instructions, with
    // one repeat beside the first to check it.
    var subject = InProcessSubject(
      mode: mode, meter: try .allocations(metric), setUp: setUp, operation: run)
    let sweep = CountingSweep(
      plan: sizes, counting: CountingOptions(repeats: 2, minimumSampleInstructions: 1),
      classifier: classifier)
    return ComplexityResult(
      try unwrapped { try sweep.run(&subject, grid: sizes.sizes) }, warnings: warnings,
      metric: metric)
  }
  var subject = InProcessSubject(mode: mode, setUp: setUp, operation: run)
  let adaptive = AdaptiveSweep(
    sweep: Sweep(plan: sizes, timing: timing), classifier: classifier,
    limits: SweepLimits(budgetSeconds: budget, maximumExtension: 2))
  return ComplexityResult(
    try unwrapped { try adaptive.run(&subject, grid: sizes.sizes) }, warnings: warnings,
    metric: .time)
}

/// Measures how the cost of `run` grows in two variables: n, swept as the
/// one-variable `measureComplexity` sweeps it, once for each of `values`
/// of a second variable that `setUp` receives beside n; the points of all
/// those columns fitted in both variables (sums, products, `min`, `max`,
/// each variable alone, neither; GSL weighted least squares, AICc).
///
///     let result = try measureComplexity(
///       values: [1, 8, 64], metric: .memory,
///       setUp: { n, k in (Array(0..<n), k) },
///       run: { input in Array(Array(repeating: input.0, count: input.1).joined()) })
///     XCTAssertEqual(try result.shows("O(n·k)"), true, "\(result)")
///
/// Every other parameter is `measureComplexity`'s, for each column.
///
/// - Parameters:
///   - name: the second variable's name in formulas (default `k`).
///   - values: its values, at least three (×4 apart separates sums,
///     products, `min` and `max` best).
/// - Throws: what `measureComplexity` throws for a column, or
///   `ComplexityError(.badInput, …)` for fewer than three values.
public func measureComplexity<Input, Output>(
  sizes: SizePlan = .unitTest, named name: String = "k", values: [Int],
  timing: TimingOptions = .unitTest, classifier: Classifier = Classifier(),
  mode: InProcessSubject<Input, Output>.Mode = .shared, metric: Metric = .time,
  counting: CountingOptions = CountingOptions(), budget: Double = 5,
  setUp: @escaping (Int, Int) throws -> Input,
  run: @escaping (inout Input) throws -> Output
) throws -> TwoVariableComplexityResult {
  let distinct = Array(Set(values)).sorted()
  guard distinct.count >= SweptVariable.minimumValues else {
    throw ComplexityError(
      .badInput,
      "\(distinct.count) value(s) of \(name): a grid needs at least \(SweptVariable.minimumValues)")
  }
  var columns: [(value: Int, result: ComplexityResult)] = []
  for value in distinct {
    let column = try measureComplexity(
      sizes: sizes, timing: timing, classifier: classifier, mode: mode, metric: metric,
      counting: counting, budget: budget, setUp: { n in try setUp(n, value) }, run: run)
    columns.append((value, column))
  }
  let points = columns.flatMap { value, result in
    result.points.map { TwoVariablePoint(x: $0.n, y: value, value: $0.best) }
  }
  return TwoVariableComplexityResult(
    names: ("n", name), columns: columns,
    classification: try TwoVariableClassifier().classify(points))
}

/// A sweep's outcome, or the error that stopped it as its caller wrote it
/// (the subject's or the fitter's, not the engine's wrapper).
private func unwrapped(_ sweep: () throws -> SweepOutcome) throws -> SweepOutcome {
  do {
    return try sweep()
  } catch let failure as SweepFailure {
    throw failure.underlying
  }
}

/// Whether this process can count instructions (`measureComplexity(metric:
/// .instructions)`): it runs under valgrind, and was built with valgrind's
/// headers. Skip instruction tests when it is false. (Valgrind's client
/// requests cannot tell its tools apart: under memcheck this is true too,
/// and `measureComplexity` then throws, finding no callgrind dump.)
public var canCountInstructions: Bool {
  CallgrindClient.isCompiledIn && CallgrindClient.isRunningUnderValgrind
}

/// Whether this process can measure the bytes Swift code allocates
/// (`measureComplexity(metric: .memory)`): the counting allocator
/// (`libComplexityAllocationCounter.so`, built with the package) is
/// preloaded into it. Skip memory tests when it is false.
public var canMeasureAllocations: Bool { AllocationCounter.isLoaded }

extension SizePlan {
  /// Sizes for a unit test: n = 64…16384, two per octave.
  public static let unitTest = SizePlan(minimum: 64, maximum: 16384, pointsPerOctave: 2)
}

extension TimingOptions {
  /// Timing for a unit test: five samples per size of at least 0.5 ms.
  public static let unitTest = TimingOptions(repeats: 5, minimumSampleSeconds: 0.0005)
}
