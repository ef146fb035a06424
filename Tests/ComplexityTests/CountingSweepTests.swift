import ComplexityTestSupport
import XCTest

@testable import Complexity

/// How a counted sweep visits sizes: few first (`CountingSweep.passes`),
/// the rest only when that leaves the class open, never past the grid.
final class CountingSweepTests: XCTestCase {
  /// Records the sizes a subject is asked for.
  private struct Recording: Subject {
    var inner: FakeSubject
    var asked: [Int] = []
    /// The sizes announced by `prepare`, and how many samples came before each call.
    var prepared: [(sizes: [Int], after: Int)] = []
    var metric: Metric { .instructions }
    mutating func prepare(sizes: [Int]) throws { prepared.append((sizes, asked.count)) }
    mutating func sample(size: Int, iterations: Int) throws -> Double {
      asked.append(size)
      return try inner.sample(size: size, iterations: iterations)
    }
  }

  /// Replays recorded counts per call, one recording per generation of
  /// inputs: `forgetInputs` moves to the next (another table layout).
  private struct Layouts: Subject {
    /// Per generation, each size's recorded counts per call.
    var recordings: [[Int: [Double]]]
    var generation = 0
    var forgotten = 0
    var metric = Metric.instructions
    var rebuiltInputsDiffer = true
    /// Thrown by `forgetInputs`, when set.
    var forgetting: Error?
    /// The sizes sampled after the last `forgetInputs`.
    var askedSinceForgetting: [Int] = []
    /// A size whose samples fail once inputs have been forgotten, when set.
    var failsOnSecondInput: Int?
    /// How many samples each size gave, per number of `forgetInputs` before.
    var sampled: [Int: [Int: Int]] = [:]
    private var taken: [Int: Int] = [:]

    init(_ recordings: [[Int: [Double]]]) { self.recordings = recordings }

    mutating func forgetInputs() throws {
      if let forgetting { throw forgetting }
      forgotten += 1
      generation = min(generation + 1, recordings.count - 1)
      taken = [:]
      askedSinceForgetting = []
    }

    mutating func sample(size: Int, iterations: Int) throws -> Double {
      askedSinceForgetting.append(size)
      sampled[forgotten, default: [:]][size, default: 0] += 1
      if forgotten > 0, size == failsOnSecondInput {
        throw ComplexityError(.subject, "the worker stopped at n = \(size)")
      }
      let counts = try XCTUnwrap(recordings[generation][size], "no recorded count at n = \(size)")
      let k = taken[size, default: 0]
      taken[size] = k + 1
      return Double(iterations) * counts[k % counts.count]
    }

    /// A recorded `n,instructions` file under `fixtures/counts`.
    static func recording(_ name: String) throws -> [Int: [Double]] {
      let text = try String(contentsOfFile: fixture("counts/\(name)"), encoding: .utf8)
      var counts: [Int: [Double]] = [:]
      for line in text.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: ",")
        counts[Int(fields[0])!, default: []].append(Double(fields[1])!)
      }
      return counts
    }
  }

  private let grid = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes

  /// Whether `sample` is one of `counts` (a count per call, replayed as
  /// iterations times it and divided again).
  private func recorded(_ sample: Double, in counts: [Double]) -> Bool {
    counts.contains { abs($0 - sample) <= 1e-9 * $0 }
  }
  private let powers = (5...15).map { 1 << $0 }

  func testAClearClassNeedsOnlyTheFirstPass() throws {
    // Counts: deterministic, so no noise; a cost in "instructions".
    var subject = Recording(inner: FakeSubject(.linear, intercept: 500, perUnit: 3, noise: 0))
    let outcome = try CountingSweep().run(&subject, grid: grid)
    let (points, classification) = (outcome.points, outcome.classification)
    XCTAssertEqual(classification.outcome.settled, .linear)
    XCTAssertEqual(points.map(\.n), CountingSweep.passes(over: grid)[0])
    XCTAssertTrue(Set(subject.asked).isSubset(of: Set(grid)))
    XCTAssertTrue(classification.notes.contains("repeated counts are identical at every size"))
  }

  func testEachPassAnnouncesItsSizesBeforeSamplingThem() throws {
    // The first pass is announced before its first sample; a later pass
    // would announce only sizes that no sample has visited yet (but the
    // second input, whose sizes are all counted again: see below).
    var subject = Recording(inner: FakeSubject(.linear, intercept: 500, perUnit: 3, noise: 0))
    _ = try CountingSweep().run(&subject, grid: grid)
    let first = CountingSweep.passes(over: grid)[0]
    XCTAssertEqual(subject.prepared.first?.sizes, first)
    XCTAssertEqual(subject.prepared.first?.after, 0)
    for (sizes, after) in subject.prepared {
      XCTAssertTrue(Set(sizes).isDisjoint(with: Set(subject.asked.prefix(after))))
    }
  }

  func testAClassLeftOpenIsCountedAgainWithFreshInputs() throws {
    // Two real sweeps of swift.OrderedSet.removeFirst (Intel Xeon): in the
    // first, each size's table layout left O(n) and O(n log n) apart by
    // less than the fit could tell; the second's tables differ. They
    // disagree most at n = 32 (3 221 and 1 944 instructions), and the
    // median of two, their mean, leaves the class open too (the fewest of
    // the two, fitted before the median, had settled it). The replay has
    // two recordings, so the third input counted is the second's again:
    // what this shows is the path (open on one input, open on two, counted
    // on a third at every size), not a third layout's verdict.
    let open = try Layouts.recording("swift.OrderedSet.removeFirst-a.csv")
    let other = try Layouts.recording("swift.OrderedSet.removeFirst-b.csv")
    var alone = Layouts([open])
    let first = try CountingSweep().run(&alone, grid: powers)
    XCTAssertNil(
      first.classification.outcome.settled, "one layout, even counted twice, should stay open")

    func input(_ counts: [Int: [Double]]) -> [Point] {
      powers.map { Point(n: $0, samples: counts[$0]!) }
    }
    let two = [input(open), input(other)]
    XCTAssertNil(
      try Classifier().classify(Array(two.joined()), inputs: two).outcome.settled,
      "the median of two inputs should carry the first's dear layout at n = 32")

    var subject = Layouts([open, other])
    let outcome = try CountingSweep().run(&subject, grid: powers)
    XCTAssertEqual(subject.forgotten, 2)
    XCTAssertEqual(outcome.stopReason, .separated)
    XCTAssertEqual(outcome.classification.outcome.settled, .linear)
    XCTAssertTrue(
      outcome.classification.notes.contains { $0.hasPrefix("counted on 3 inputs per size") },
      "\(outcome.classification.notes)")
    let note = try XCTUnwrap(
      outcome.classification.notes.first { $0.hasPrefix(CountingSweep.secondInputPrefix) })
    XCTAssertTrue(note.contains("fewest counts differ by up to"), note)
    // The repeats' note speaks of one input's counts, not of the gap between the two.
    XCTAssertEqual(
      outcome.classification.notes.filter { $0.hasPrefix("repeated counts") },
      first.classification.notes.filter { $0.hasPrefix("repeated counts") })
    // Both passes' counts are kept, merged by size.
    XCTAssertEqual(outcome.points.map(\.n), first.points.map(\.n))
    for point in outcome.points {
      XCTAssertTrue(point.samples.contains { recorded($0, in: open[point.n]!) }, "n = \(point.n)")
      XCTAssertTrue(point.samples.contains { recorded($0, in: other[point.n]!) }, "n = \(point.n)")
    }
  }

  func testAClassOneLayoutMadeMustHoldForAnother() throws {
    // Two real sweeps of swift.OrderedSet.removeFirst over n = 32…2048
    // (AMD EPYC), where each table's O(1) probes cost about as much as the
    // O(n) move: the first's layouts made O(sqrt n) a confident class.
    let sizes = (5...11).map { 1 << $0 }
    let sqrtLike = try Layouts.recording("swift.OrderedSet.removeFirst-2048-a.csv")
    let other = try Layouts.recording("swift.OrderedSet.removeFirst-2048-b.csv")
    let alone = try Classifier().classify(
      CountingSweep.passes(over: sizes)[0].map { Point(n: $0, samples: sqrtLike[$0]!) })
    XCTAssertEqual(alone.outcome.settled, .squareRoot, "the recording should show the trap")

    var subject = Layouts([sqrtLike, other])
    let outcome = try CountingSweep().run(&subject, grid: sizes)
    XCTAssertNil(outcome.classification.outcome.settled, "\(outcome.classification.outcome)")
    XCTAssertEqual(outcome.stopReason, .planDone)
    let draws = try XCTUnwrap(
      outcome.classification.notes.first {
        $0.hasPrefix("counted on \(CountingSweep.maximumInputs) inputs per size")
      })
    XCTAssertTrue(draws.contains("of draws of the inputs per size chose"), draws)
    let bar = CountingSweep.classifier(Classifier(), looking: CountingSweep.maximumInputs)
    XCTAssertLessThan(outcome.classification.confidence, bar.minimumConfidence)
    // Left open, the size the first pass skipped (1024) is counted too, on
    // two inputs as every other size: the second (with every other size)
    // and a third; still open, two more inputs at every size (which
    // replay the second recording: there are only two). Forgotten: once
    // for the second input, once for the third at 1024, twice for more.
    XCTAssertEqual(subject.forgotten, 1 + 1 + (CountingSweep.maximumInputs - 2))
    XCTAssertEqual(Set(subject.sampled[1]!.keys), Set(sizes))
    XCTAssertEqual(Set(subject.sampled[2]!.keys), [1024])
    XCTAssertEqual(Set(subject.sampled[3]!.keys), Set(sizes))
    XCTAssertEqual(Set(subject.sampled[4]!.keys), Set(sizes))
    XCTAssertEqual(outcome.points.map(\.n), sizes)
    XCTAssertTrue(
      outcome.classification.notes.contains { $0.contains("more were counted at every size") })
  }

  func testEachInputPastTheSecondHalvesTheShareAllowedToDisagree() {
    let bars = (2...5).map {
      CountingSweep.classifier(Classifier(), looking: $0).minimumConfidence
    }
    for (bar, expected) in zip(bars, [0.9, 0.95, 0.975, 0.9875]) {
      XCTAssertEqual(bar, expected, accuracy: 1e-12)
    }
  }

  func testAFailureOnTheSecondInputKeepsBothInputsCounts() throws {
    // The second input fails at 2048, after its smallest sizes differed.
    let sizes = (5...11).map { 1 << $0 }
    let first = try Layouts.recording("swift.OrderedSet.removeFirst-2048-a.csv")
    let second = try Layouts.recording("swift.OrderedSet.removeFirst-2048-b.csv")
    var firstOnly = Layouts([first])
    firstOnly.rebuiltInputsDiffer = false
    let alone = try CountingSweep().run(&firstOnly, grid: sizes)
    var subject = Layouts([first, second])
    subject.failsOnSecondInput = 2048
    XCTAssertThrowsError(try CountingSweep().run(&subject, grid: sizes)) { error in
      guard let failure = error as? SweepFailure else {
        return XCTFail("not a SweepFailure: \(error)")
      }
      XCTAssertEqual(failure.partial.map(\.n), [32, 64, 128, 256, 512, 2048])
      XCTAssertTrue("\(failure.underlying)".contains("the worker stopped at n = 2048"))
      // The first input's samples, each once, and the second's where it
      // reached (its recording's counts differ from the first's).
      for point in failure.partial {
        let once = alone.points.first { $0.n == point.n }!.samples.count
        XCTAssertEqual(
          point.samples.filter { recorded($0, in: first[point.n]!) }.count, once,
          "n = \(point.n)")
        let again = point.samples.filter { recorded($0, in: second[point.n]!) }.count
        XCTAssertEqual(again > 0, point.n < 2048, "n = \(point.n)")
        XCTAssertEqual(point.samples.count, once + again, "n = \(point.n)")
      }
    }
  }

  func testASecondInputThatCountsTheSameIsCountedOnlyAtTheSmallestSizes() throws {
    // One recording for every generation: the rebuilt input counts as the
    // first did (an Array, whose layout moves nothing).
    var subject = Layouts([try Layouts.recording("swift.OrderedSet.removeFirst-b.csv")])
    var alone = Layouts(subject.recordings)
    alone.rebuiltInputsDiffer = false
    let first = try CountingSweep().run(&alone, grid: powers)
    XCTAssertEqual(first.classification.outcome.settled, .linear)
    let outcome = try CountingSweep().run(&subject, grid: powers)
    XCTAssertEqual(subject.forgotten, 1)
    let smallest = Array(outcome.points.map(\.n).prefix(CountingSweep.probeSizes))
    XCTAssertEqual(Set(subject.askedSinceForgetting), Set(smallest))
    XCTAssertEqual(outcome.classification.outcome, first.classification.outcome)
    XCTAssertTrue(
      outcome.classification.notes.contains {
        $0.hasPrefix("fresh inputs (built elsewhere in memory) count the same")
      },
      "\(outcome.classification.notes)")
    XCTAssertFalse(
      outcome.classification.notes.contains { $0.hasPrefix(CountingSweep.secondInputPrefix) })
  }

  func testAnOpenClassIsNotCountedAgainWhereFreshInputsCannotDiffer() throws {
    let open = try Layouts.recording("swift.OrderedSet.removeFirst-a.csv")
    let other = try Layouts.recording("swift.OrderedSet.removeFirst-b.csv")
    // Inputs whose layout does not depend on where they land (CPython's
    // ints, a fresh input per call), and bytes, which no layout moves.
    var sameLayout = Layouts([open, other])
    sameLayout.rebuiltInputsDiffer = false
    var bytes = Layouts([open, other])
    bytes.metric = .memory
    for var subject in [sameLayout, bytes] {
      let outcome = try CountingSweep().run(&subject, grid: powers)
      XCTAssertEqual(subject.forgotten, 0)
      XCTAssertNil(outcome.classification.outcome.settled)
      XCTAssertEqual(outcome.stopReason, .planDone)
    }
  }

  func testAFailedFreshPassKeepsTheFirstCounts() throws {
    var subject = Layouts([try Layouts.recording("swift.OrderedSet.removeFirst-a.csv")])
    subject.forgetting = ComplexityError(.subject, "the worker stopped")
    XCTAssertThrowsError(try CountingSweep().run(&subject, grid: powers)) { error in
      guard let failure = error as? SweepFailure else {
        return XCTFail("not a SweepFailure: \(error)")
      }
      XCTAssertEqual(failure.partial.map(\.n), powers)
      XCTAssertTrue("\(failure.underlying)".contains("the worker stopped"))
    }
  }

  func testRepeatsThatDifferAreNamed() throws {
    var subject = Recording(inner: FakeSubject(.constant, intercept: 1000, perUnit: 0, noise: 0.05))
    let classification = try CountingSweep().run(&subject, grid: grid).classification
    XCTAssertTrue(
      classification.notes.contains { $0.hasPrefix("repeated counts differ by up to") },
      "\(classification.notes)")
  }
}
