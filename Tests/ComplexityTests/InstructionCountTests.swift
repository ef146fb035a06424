import ComplexityTestSupport
import Foundation
import XCTest

@testable import Complexity

/// The instruction metric: finding valgrind, the counted sampler in every
/// op, which metric a combined result trusts, how reports show it, and a
/// live count under callgrind (skipped where valgrind is absent).
final class InstructionCountTests: XCTestCase {
  // MARK: - Finding valgrind

  func testMissingValgrindSaysWhatToInstall() {
    XCTAssertThrowsError(try Valgrind.locate(environment: ["PATH": "/nonexistent"])) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("valgrind is not installed"), message)
      XCTAssertTrue(message.contains("apt-get install valgrind"), message)
      XCTAssertEqual(($0 as? ComplexityError)?.kind, .missingTool)
    }
    XCTAssertThrowsError(try Valgrind.locate(environment: ["VALGRIND": "/no/such/valgrind"])) {
      XCTAssertTrue("\($0)".contains("$VALGRIND=/no/such/valgrind"), "\($0)")
    }
  }

  func testSwiftOpsAreCountedOnlyWithAWorkerToRerun() throws {
    let swiftOp = try XCTUnwrap(Catalog.standard["swift.Array.sort"])
    let pythonOp = try XCTUnwrap(Catalog.standard["list.pop0"])
    let fakeOp = try XCTUnwrap(Catalog.standard["fake.linear"])
    let counting = Runner(options: Runner.Options(metric: .instructions))
    XCTAssertNoThrow(try counting.check([pythonOp]))
    XCTAssertThrowsError(try counting.check([pythonOp, swiftOp])) {
      XCTAssertTrue("\($0)".contains("re-running the complexity tool"), "\($0)")
      XCTAssertTrue("\($0)".contains("swift.Array.sort"), "\($0)")
    }
    let withWorker = Runner(
      options: Runner.Options(metric: .instructions, swiftWorker: ["/bin/false"]))
    XCTAssertNoThrow(try withWorker.check([pythonOp, swiftOp]))
    XCTAssertThrowsError(try withWorker.check([fakeOp])) {
      XCTAssertTrue("\($0)".contains("CPython and Swift ops"), "\($0)")
    }
    // With both metrics an op that cannot be counted is timed only, not refused.
    XCTAssertNoThrow(
      try Runner(options: Runner.Options(metric: .both)).check([swiftOp]))
    // And a run that counts it anyway says why it failed.
    let result = counting.runOne(swiftOp)
    XCTAssertEqual(result.metric, .instructions)
    XCTAssertTrue(
      result.failure?.contains("Options.swiftWorker") == true, result.failure ?? "")
  }

  func testAutoTimesAnOpThatCannotBeCountedAndSaysWhy() throws {
    let fake = try XCTUnwrap(Catalog.standard["fake.linear"])
    let result = Runner(options: Runner.Options(metric: .auto)).runOne(fake)
    XCTAssertEqual(result.classification?.outcome.settled, .linear)
    XCTAssertEqual(result.metric, .time)
    XCTAssertNil(result.metricComparison)
    XCTAssertTrue(result.notCounted?.contains("CPython and Swift ops") == true, "\(result)")
    XCTAssertTrue(
      result.classification?.notes.contains { $0.hasSuffix(": timed only") } == true,
      "\(result.classification?.notes ?? [])")
  }

  func testCountsVisitFewSizesFirstAndTheRestOnlyWhenNeeded() {
    let grid = SizePlan().sizes  // 32…32768, two per octave
    let passes = CountingSweep.passes(over: grid)
    XCTAssertEqual(passes[0], [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 32768])
    XCTAssertEqual(passes[1], (5...15).map { 1 << $0 })
    XCTAssertEqual(passes[2], grid)
    // A hash-table op's grid is its powers of two: the same first pass.
    XCTAssertEqual(CountingSweep.passes(over: (5...15).map { 1 << $0 })[0], passes[0])
  }

  func testTimePerInstructionRisingIsSaidWithItsFactorAndSize() {
    let sizes = (5...15).map { 1 << $0 }
    let counts = sizes.map { Point(n: $0, iterations: 1, samples: [Double($0) * 10]) }
    // Flat time per instruction up to 4096, then 3x by 32768 (a cache level).
    let times = sizes.map { n in
      Point(
        n: n, iterations: 1,
        samples: [Double(n) * 1e-9 * (n <= 4096 ? 1 : pow(Double(n) / 4096, log(3) / log(8)))])
    }
    let sentence = MetricComparison.rise(time: times, instructions: counts)
    XCTAssertTrue(
      sentence?.hasPrefix("time per instruction rises 3.0x from n = 4096 to 32768") == true,
      sentence ?? "nil")
    // A fixed cost per call (time per instruction falling) is not news.
    let falling = sizes.map { n in Point(n: n, iterations: 1, samples: [1e-6 + Double(n) * 1e-9]) }
    XCTAssertNil(MetricComparison.rise(time: falling, instructions: counts))
  }

  // MARK: - Counting in this process

  func testCountingOutsideCallgrindSaysHowToRunUnderIt() throws {
    XCTAssertFalse(canCountInstructions)
    XCTAssertThrowsError(
      try measureComplexity(
        metric: .instructions, setUp: { n in Array(0..<n) }, run: { $0.contains(-1) })
    ) {
      XCTAssertEqual(($0 as? ComplexityError)?.kind, .missingTool)
      XCTAssertTrue("\($0)".contains("--collect-atstart=no"), "\($0)")
      XCTAssertTrue("\($0)".contains(CallgrindClient.outFileVariable), "\($0)")
    }
  }

  func testAWorkerThatCannotCountFailsItsOpWithTheReason() throws {
    // The worker not under valgrind: it greets with why it cannot count.
    let valgrind = Valgrind(path: "/usr/bin/env", version: "not valgrind")
    XCTAssertThrowsError(
      try SwiftWorkerSubject(
        op: "swift.Array.count", worker: ["/bin/sh", "-c", "exit 3", "--"], valgrind: valgrind)
    ) {
      XCTAssertEqual(($0 as? ComplexityError)?.kind, .subject)
      XCTAssertTrue("\($0)".contains("counting worker exited"), "\($0)")
    }
  }

  func testWorkerMessagesReadBack() throws {
    let request = SwiftWorker.Request(
      cmd: "count", op: "swift.Array.count", n: 64, loops: 10)
    let decoded = try JSONDecoder().decode(
      SwiftWorker.Request.self, from: JSONEncoder().encode(request))
    XCTAssertEqual(decoded, request)
    let prepare = SwiftWorker.Request(cmd: "prepare", op: "swift.Array.count", n: 32)
    XCTAssertEqual(
      try JSONDecoder().decode(SwiftWorker.Request.self, from: JSONEncoder().encode(prepare)),
      prepare)
    let reply = SwiftWorker.Reply(ok: true, count: 1234)
    XCTAssertEqual(
      try JSONDecoder().decode(
        SwiftWorker.Reply.self, from: JSONEncoder().encode(reply)), reply)
  }

  // MARK: - The counted sampler, without valgrind

  /// Every CPython op's counted twin of the timing loop compiles and runs
  /// (outside valgrind the marks only count up): a statement that does not
  /// fit the counter's closure would fail here, not in a ten-minute run.
  func testEveryOpRunsInTheCountedSampler() throws {
    guard let python = which("python3") else {
      throw XCTSkip("python3 is not on PATH: the harness checks need it")
    }
    let harness = try PythonHarness(executable: python)
    let first = try harness.mark()
    var last = first
    for op in Catalog.standard.operations where op.subject == .python {
      let dumps = try (0..<2).map { _ in try harness.count(op: op.id, n: 64, loops: 3, cold: false)
      }
      XCTAssertEqual(dumps.count, 2, op.id)
      XCTAssertGreaterThan(dumps[0], last, op.id)
      XCTAssertEqual(dumps[1], dumps[0] + 1, op.id)
      last = dumps[1]
    }
    // A user's snippet too, with a statement that rebinds its input.
    try harness.define(
      "user.rebind", PythonCode(setup: "x = list(range(n))", statement: "x = x[1:] + x[:1]"))
    XCTAssertGreaterThan(try harness.count(op: "user.rebind", n: 64, loops: 5, cold: false), last)
  }

  // MARK: - Which metric to trust

  private func result(
    _ file: String, documented: ComplexityClass, metric: Metric
  ) throws
    -> OperationResult
  {
    let points = try PointsFile.read(path: fixture("synthetic/\(file).csv"))
    return OperationResult(
      op: "list.example", documented: documented,
      classification: try Classifier().classify(points), points: points, seconds: 1,
      metric: metric)
  }

  func testInstructionsSettleAnInconclusiveTime() throws {
    let time = try result("ambiguous-linearithmic-one-decade", documented: .linear, metric: .time)
    XCTAssertNil(time.classification?.outcome.settled, "the fixture is built to be inconclusive")
    let instructions = try result("linear-clean", documented: .linear, metric: .instructions)
    let combined = MetricPolicy.combine(time: time, instructions: instructions)
    XCTAssertEqual(combined.metric, .instructions)
    XCTAssertEqual(combined.verdict, .agree)
    XCTAssertEqual(combined.metricComparison?.agreement, .settled)
    XCTAssertEqual(combined.otherMetrics.map(\.metric), [.time])
    XCTAssertEqual(combined.seconds, 2)
    XCTAssertTrue(
      combined.metricComparison?.explanation.contains("do not vary with load") == true,
      combined.metricComparison?.explanation ?? "")
  }

  func testDisagreementsSayWhichToTrust() throws {
    let linear = try result("linear-clean", documented: .linear, metric: .instructions)
    // A log factor in time only: the cache step the hard pair is known for.
    let cacheStep = MetricPolicy.combine(
      time: try result("linearithmic-clean", documented: .linear, metric: .time),
      instructions: linear)
    XCTAssertEqual(cacheStep.metricComparison?.agreement, .differ)
    XCTAssertEqual(cacheStep.metricComparison?.trusted, .instructions)
    XCTAssertTrue(cacheStep.metricComparison!.explanation.contains("memory hierarchy"))
    // Time grows a whole class or more faster: a cost instructions cannot
    // see, and one that depends on the machine: the steps decide the class.
    let unseen = MetricPolicy.combine(
      time: try result("linear-clean", documented: .constant, metric: .time),
      instructions: try result("constant-clean", documented: .constant, metric: .instructions))
    XCTAssertEqual(unseen.metricComparison?.trusted, .instructions)
    XCTAssertEqual(unseen.verdict, .agree)
    XCTAssertTrue(unseen.metricComparison!.explanation.contains("cannot see"))
    // Instructions grow faster: the work grows.
    let hidden = MetricPolicy.combine(
      time: try result("constant-clean", documented: .linear, metric: .time), instructions: linear)
    XCTAssertEqual(hidden.metricComparison?.trusted, .instructions)
    XCTAssertEqual(hidden.verdict, .agree)
    // The same class: the counts are reported (they decide), and nothing is news.
    let same = MetricPolicy.combine(
      time: try result("linear-noisy", documented: .linear, metric: .time), instructions: linear)
    XCTAssertEqual(same.metric, .instructions)
    XCTAssertEqual(same.metricComparison?.agreement, .same)
    XCTAssertEqual(same.metricComparison?.isNews, false)
  }

  // MARK: - Reports

  private func run(_ results: [OperationResult]) -> RunResults {
    RunResults(python: nil, plan: SizePlan(), timing: TimingOptions(), results: results)
  }

  func testReportsShowTheMetricAndTheDisagreements() throws {
    let settled = MetricPolicy.combine(
      time: try result("ambiguous-linearithmic-one-decade", documented: .linear, metric: .time),
      instructions: try result("linear-clean", documented: .linear, metric: .instructions))
    let report = ResultsReport(run([settled]))
    let table = try report.render(.table)
    XCTAssertTrue(table.contains("metric"), table)
    XCTAssertTrue(table.contains("instructions*"), table)
    XCTAssertTrue(table.contains("time: inconclusive (O(n) | O(n log n))"), table)
    XCTAssertTrue(table.contains("Where time and instructions disagree:"), table)
    XCTAssertTrue(table.contains("1 settled by instructions"), table)
    let markdown = try report.render(.markdown)
    XCTAssertTrue(markdown.contains("**Where time and instructions disagree**"), markdown)
    let csv = try report.render(.csv).split(separator: "\n").map(String.init)
    XCTAssertTrue(
      csv[0].hasSuffix(
        ",metric,failure,stop_reason,other_metric,other_measured,other_verdict,space,allocated"))
    XCTAssertTrue(csv[1].contains(",instructions,"), csv[1])
    XCTAssertTrue(csv[1].hasSuffix(",time,inconclusive,inconclusive,,"), csv[1])
    // JSON keeps both metrics and reads back.
    let json = try report.render(.json)
    let decoded = try JSONDecoder().decode(RunResults.self, from: Data(json.utf8))
    XCTAssertEqual(decoded.results, [settled])
  }

  func testAnInstructionRunSaysSoAndTimeRunsStayAsTheyWere() throws {
    let counted = try result("linear-clean", documented: .linear, metric: .instructions)
    let table = try ResultsReport(run([counted])).render(.table)
    XCTAssertTrue(table.contains("instructions"), table)
    XCTAssertTrue(table.contains("(by instructions)"), table)
    let fit = try FitReport(counted).render(.table)
    XCTAssertTrue(fit.contains("a (Ir)") && fit.contains("instructions per operation"), fit)
    let svg = SVGChart(OperationChart(counted)).render()
    XCTAssertTrue(svg.contains("instructions per operation"))
    // A timing shows no metric column, as before.
    let timed = try result("linear-clean", documented: .linear, metric: .time)
    XCTAssertFalse(try ResultsReport(run([timed])).render(.table).contains("metric"))
  }

  // MARK: - Live, under callgrind

  /// pop(0) and l[i] counted under callgrind at a few small sizes. Counts
  /// do not depend on the machine's load, so the classes are asserted
  /// exactly, and each size's two samples must agree.
  func testLivePop0IsLinearAndGetItemConstantInInstructions() throws {
    guard (try? Valgrind.locate()) != nil else {
      throw XCTSkip(
        "valgrind is not installed: the live instruction-count check needs it "
          + "(sudo apt-get install valgrind)")
    }
    guard let python = which("python3") else {
      throw XCTSkip("python3 is not on PATH: the live CPython checks need it")
    }
    let runner = Runner(
      options: Runner.Options(
        plan: SizePlan(minimum: 64, maximum: 4096, pointsPerOctave: 1),
        counting: CountingOptions(
          repeats: 2, minimumSampleInstructions: 50_000, maximumIterations: 200),
        metric: .instructions, python: python))
    let results = runner.run(try Catalog.standard.select(["list.pop0", "list.getitem"]))
    let pop0 = try XCTUnwrap(results[0].classification, results[0].failure ?? "")
    let getitem = try XCTUnwrap(results[1].classification, results[1].failure ?? "")
    XCTAssertEqual(results.map(\.metric), [.instructions, .instructions])
    XCTAssertEqual(pop0.outcome, .conclusive(.linear), "\(pop0.notes)")
    XCTAssertEqual(getitem.outcome, .conclusive(.constant), "\(getitem.notes)")
    for p in results.flatMap(\.points) {
      XCTAssertEqual(p.samples.count, 2)
      XCTAssertEqual(p.samples.max()! / p.samples.min()!, 1, accuracy: 1e-6, "n = \(p.n)")
    }
    XCTAssertTrue(pop0.notes.contains { $0.contains("callgrind") })
  }
}
