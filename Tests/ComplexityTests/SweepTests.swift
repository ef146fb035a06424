import Complexity
import XCTest

final class SweepTests: XCTestCase {
  /// Records what the engine asked for.
  struct Recorder: Subject {
    var fake = FakeSubject(.linear, noise: 0)
    var calls: [(size: Int, iterations: Int, repeats: Int)] = []
    var metric: Metric { .time }
    mutating func sample(size: Int, iterations: Int) throws -> Double {
      calls.append((size, iterations, 1))
      return try fake.sample(size: size, iterations: iterations)
    }
  }

  func testCalibratesEverySampleToTheMinimumDuration() throws {
    var subject = Recorder()
    let sweep = Sweep(
      plan: SizePlan(minimum: 32, maximum: 4096, pointsPerOctave: 1),
      timing: TimingOptions(repeats: 3, minimumSampleSeconds: 0.001))
    let points = try sweep.run(&subject)
    XCTAssertEqual(points.map(\.n), [32, 64, 128, 256, 512, 1024, 2048, 4096])
    for p in points {
      XCTAssertEqual(p.samples.count, 3)
      XCTAssertGreaterThanOrEqual(p.best * Double(p.iterations), 0.001 * 0.99)
      // Not wildly longer than needed either.
      XCTAssertLessThan(p.best * Double(p.iterations), 0.01)
    }
  }

  func testRoundsVisitSizesInAShuffledOrder() throws {
    var subject = Recorder()
    let sweep = Sweep(
      plan: SizePlan(minimum: 32, maximum: 4096, pointsPerOctave: 1),
      timing: TimingOptions(repeats: 2))
    _ = try sweep.run(&subject)
    let timed = subject.calls.suffix(16).map(\.size)
    XCTAssertEqual(Set(timed.prefix(8)), Set([32, 64, 128, 256, 512, 1024, 2048, 4096]))
    XCTAssertNotEqual(Array(timed.prefix(8)), [32, 64, 128, 256, 512, 1024, 2048, 4096])
  }

  func testAFailingSubjectKeepsWhatWasMeasured() {
    struct Failing: Subject {
      var metric: Metric { .time }
      mutating func sample(size: Int, iterations: Int) throws -> Double {
        if size > 100 { throw ComplexityError(.subject, "boom") }
        return 0.002
      }
    }
    var subject = Failing()
    XCTAssertThrowsError(try Sweep().run(&subject)) { error in
      let failure = error as! SweepFailure
      XCTAssertEqual(failure.size, 128)
      XCTAssertTrue(failure.description.contains("boom"))
    }
  }

  func testFakeOperationsRunThroughTheRunner() {
    let runner = Runner(options: Runner.Options())
    let results = runner.run(try! Catalog.standard.select(["fake.*"]))
    XCTAssertEqual(results.count, 6)
    for r in results where r.op != "fake.mislabelled" {
      XCTAssertEqual(r.verdict, .agree, r.op)
    }
    XCTAssertEqual(results.last?.verdict, .differs)
  }
}
