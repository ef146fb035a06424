import ComplexityTestSupport
import XCTest

@testable import Complexity

final class ClassifierTests: XCTestCase {
  let classifier = Classifier()

  private func classify(file: String) throws -> Classification {
    try classifier.classify(PointsFile.read(path: fixture(file)))
  }

  // MARK: - Synthetic fixtures (fixtures/synthetic, from scripts/make-fixtures.py)

  func testEverySyntheticFixtureGetsItsClass() throws {
    let names: [(String, ComplexityClass)] = [
      ("constant", .constant), ("log", .logarithmic), ("linear", .linear),
      ("linearithmic", .linearithmic), ("quadratic", .quadratic),
    ]
    for (name, expected) in names {
      for variant in ["clean", "noisy", "outliers"] {
        let c = try classify(file: "synthetic/\(name)-\(variant).csv")
        XCTAssertEqual(c.outcome, .conclusive(expected), "\(name)-\(variant): \(c.notes)")
        XCTAssertGreaterThanOrEqual(c.confidence, 0.9, "\(name)-\(variant)")
      }
    }
  }

  func testOneDecadeOfNoisyNLogNIsInconclusive() throws {
    let c = try classify(file: "synthetic/ambiguous-linearithmic-one-decade.csv")
    XCTAssertEqual(c.outcome, .inconclusive(.linear, .linearithmic), "\(c.notes)")
    XCTAssertEqual(Verdict(documented: .linearithmic, measured: c), .inconclusive)
    XCTAssertEqual(Verdict(documented: .constant, measured: c), .differs)
  }

  // MARK: - Generated data: a confusion table

  /// Every class, three noise levels, four seeds each: 60 sweeps.
  func testConfusionTableIsDiagonal() throws {
    let sizes = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes
    var table: [ComplexityClass: [String: Int]] = [:]
    // 2ⁿ is swept as the planner sweeps it: small sizes, linear in n.
    let linear = Array(stride(from: 4, through: 30, by: 2))
    for truth in ComplexityClass.allCases {
      for noise in [0.01, 0.03, 0.08] {
        for seed in UInt64(1)...4 {
          let points = syntheticPoints(
            truth, sizes: truth == .exponential ? linear : sizes, noise: noise, seed: seed * 7919)
          let c = try classifier.classify(points)
          table[truth, default: [:]][c.outcome.description, default: 0] += 1
        }
      }
    }
    var lines = ["truth        | verdicts (of 12)"]
    for truth in ComplexityClass.allCases {
      let row = table[truth]!.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
      lines.append(
        "\(truth.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) | "
          + row.joined(separator: ", "))
    }
    print(lines.joined(separator: "\n"))
    for truth in ComplexityClass.allCases {
      XCTAssertEqual(table[truth]![truth.rawValue], 12, "\(truth): \(table[truth]!)")
    }
  }

  /// Growth past every candidate is named for what it is, never called
  /// the steepest class.
  func testGrowthSteeperThanEveryCandidateIsSaidSo() throws {
    let sizes = SizePlan(minimum: 8, maximum: 512, pointsPerOctave: 2).sizes
    let quartic = sizes.map { n in Point(n: n, samples: [1e-7 + 1e-14 * pow(Double(n), 4)]) }
    let c4 = try classifier.classify(quartic)
    guard case .steeper(.cubic, let slope) = c4.outcome else {
      return XCTFail("n^4: \(c4.outcome) \(c4.notes)")
    }
    XCTAssertEqual(slope, 4, accuracy: 0.3)
    XCTAssertTrue(c4.outcome.name.hasPrefix("polynomial, slope 4."), c4.outcome.name)
    let threeToTheN = stride(from: 4, through: 24, by: 2).map { n in
      Point(n: n, samples: [1e-7 + 1e-12 * pow(3, Double(n))])
    }
    let c3 = try classifier.classify(threeToTheN)
    XCTAssertEqual(c3.outcome.name, "steeper than O(2^n)", "\(c3.outcome) \(c3.notes)")
    XCTAssertEqual(Verdict(documented: .exponential, measured: c3), .differs)
  }

  func testTheNewClassesParseByTheirNames() throws {
    XCTAssertEqual(try ComplexityClass.parse("O(sqrt n)"), .squareRoot)
    XCTAssertEqual(try ComplexityClass.parse("O(√n)"), .squareRoot)
    XCTAssertEqual(try ComplexityClass.parse("O(n^3)"), .cubic)
    XCTAssertEqual(try ComplexityClass.parse("O(2^n)"), .exponential)
    XCTAssertLessThan(ComplexityClass.logarithmic, .squareRoot)
    XCTAssertLessThan(ComplexityClass.squareRoot, .linear)
    XCTAssertLessThan(ComplexityClass.cubic, .exponential)
  }

  // MARK: - Recorded real sweeps (fixtures/recorded)

  func testRecordedCPythonSweeps() throws {
    let expected: [(String, ComplexityClass)] = [
      ("list.pop0", .linear), ("list.getitem", .constant), ("list.sort", .linearithmic),
      ("list.clear", .linear), ("set.difference", .constant), ("dict.getitem", .constant),
    ]
    for (op, truth) in expected {
      let c = try classify(file: "recorded/\(op).csv")
      XCTAssertEqual(c.outcome, .conclusive(truth), "\(op): \(c.notes)")
    }
  }

  // MARK: - Rules

  func testAStepInAConstantCurveIsNotGrowth() throws {
    // CPython's len() returns a cached small int up to 256 and allocates one
    // above: a one-off step, not O(log n).
    let sizes = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes
    var rng = SplitMix64(seed: 3)
    let points = sizes.map { n in
      Point(
        n: n,
        samples: (0..<5).map { _ in
          (n <= 256 ? 26e-9 : 36e-9) * (1 + 0.02 * Double.random(in: 0..<1, using: &rng))
        })
    }
    XCTAssertEqual(try classifier.classify(points).outcome, .conclusive(.constant))
  }

  func testACacheStepInALinearCurveIsNotALogFactor() throws {
    // memmove's cost per element steps up ~15% when the data leaves L1.
    let sizes = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes
    var rng = SplitMix64(seed: 5)
    let points = sizes.map { n in
      let perElement = n < 4096 ? 0.087e-9 : 0.100e-9
      return Point(
        n: n,
        samples: (0..<5).map { _ in
          (30e-9 + perElement * Double(n)) * (1 + 0.01 * Double.random(in: 0..<1, using: &rng))
        })
    }
    let c = try classifier.classify(points)
    XCTAssertEqual(c.outcome, .conclusive(.linear), "\(c.notes)")
  }

  func testAWholeSizeOffTheCurveIsSetAside() throws {
    let sizes = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes
    var points = syntheticPoints(.linear, sizes: sizes, noise: 0.02, seed: 11)
    let i = points.firstIndex { $0.n == 2048 }!
    points[i].samples = points[i].samples.map { $0 * 2.2 }
    let c = try classifier.classify(points)
    XCTAssertEqual(c.outcome, .conclusive(.linear))
    XCTAssertTrue(c.notes.contains { $0.contains("outliers") && $0.contains("2048") }, "\(c.notes)")
  }

  func testVerdicts() throws {
    let sizes = SizePlan().sizes
    let linear = try classifier.classify(
      syntheticPoints(.linear, sizes: sizes, noise: 0.02, seed: 1))
    XCTAssertEqual(Verdict(documented: .linear, measured: linear), .agree)
    XCTAssertEqual(Verdict(documented: .constant, measured: linear), .differs)
  }

  func testClassificationIsRepeatable() throws {
    let points = try PointsFile.read(path: fixture("recorded/list.sort.csv"))
    XCTAssertEqual(try classifier.classify(points), try classifier.classify(points))
  }

  func testBadInputIsAnErrorNamingTheProblem() {
    let good = (1...6).map { Point(n: $0 * 100, samples: [Double($0) * 1e-6]) }
    func message(_ points: [Point]) -> String {
      do {
        _ = try classifier.classify(points)
        return "no error"
      } catch { return "\(error)" }
    }
    XCTAssertTrue(message(Array(good.prefix(4))).contains("at least 5"))
    var zero = good
    zero[0].n = 0
    XCTAssertTrue(message(zero).contains("not positive"))
    var nan = good
    nan[2].samples = [.nan]
    XCTAssertTrue(message(nan).contains("finite positive"))
    var inf = good
    inf[2].samples = [.infinity]
    XCTAssertTrue(message(inf).contains("finite positive"))
  }
}

extension ClassifierTests {
  func testABendInTheCurveIsPointedOut() throws {
    let c = try classify(file: "recorded/list.pop0.csv")
    XCTAssertTrue(c.notes.contains { $0.contains("slope jumps") }, "\(c.notes)")
    let clean = try classify(file: "synthetic/linear-clean.csv")
    XCTAssertFalse(clean.notes.contains { $0.contains("slope jumps") }, "\(clean.notes)")
  }

  func testTheBootstrapIsSeeded() throws {
    let points = try PointsFile.read(path: fixture("synthetic/log-noisy.csv"))
    let a = try Classifier(seed: 7).classify(points)
    let b = try Classifier(seed: 7).classify(points)
    XCTAssertEqual(a.confidence, b.confidence)
    XCTAssertEqual(a, b)
  }

  func testInputsThatAgreeChangeNothingAndInputsThatDisagreeAreDrawn() throws {
    // Step 7: two inputs with the same values are no second opinion.
    let points = try PointsFile.read(path: fixture("synthetic/linear-noisy.csv"))
    let plain = try classifier.classify(points)
    let twice = try classifier.classify(points + points, inputs: [points, points])
    XCTAssertEqual(twice.outcome, plain.outcome)
    XCTAssertEqual(twice.confidence, plain.confidence)
    XCTAssertFalse(twice.notes.contains { $0.hasPrefix("counted on 2 inputs") })

    // An offset per size that the other input does not share: each input
    // is 1000 + n/10 with 2000 more at alternate sizes (`a` at even ones,
    // `b` at odd ones), as large as the growing part below n = 16384. The
    // fewest of both is clean, and so is their median (their mean, 2000 +
    // n/10, which step 7 fits); draws of one input per size (the median of
    // one drawn, for m = 2) read zigzags.
    let sizes = (5...15).map { 1 << $0 }
    let a = sizes.enumerated().map { i, n in
      Point(n: n, samples: [(i % 2 == 0 ? 3000 : 1000) + Double(n) / 10])
    }
    let b = sizes.enumerated().map { i, n in
      Point(n: n, samples: [(i % 2 == 1 ? 3000 : 1000) + Double(n) / 10])
    }
    let fewest = try classifier.classify(a + b)
    XCTAssertEqual(fewest.outcome, .conclusive(.linear))
    XCTAssertEqual(fewest.confidence, 1)
    let drawn = try classifier.classify(a + b, inputs: [a, b])
    XCTAssertTrue(
      drawn.notes.contains { $0.hasPrefix("counted on 2 inputs per size") }, "\(drawn.notes)")
    XCTAssertLessThan(drawn.confidence, classifier.minimumConfidence)
    XCTAssertNil(drawn.outcome.settled)
    // The draws left it open: its rival is theirs (O(sqrt n)), not the
    // fit's (that of the inputs' median, O(n log n)), and the note names
    // the best class.
    let median = try classifier.classify(
      Classifier.inputMedians(
        Classifier.inputValues([a, b], at: (a + b).mergedBySize()), at: (a + b).mergedBySize()))
    XCTAssertEqual(median.outcome, .conclusive(.linear))
    XCTAssertEqual(median.runnerUp, .linearithmic)
    XCTAssertEqual(drawn.outcome, .inconclusive(.squareRoot, .linear))
    XCTAssertTrue(
      drawn.notes.contains { $0.contains("of draws of the inputs per size chose O(n)") })

    // One size that differs is a second opinion too; a size no input has
    // is drawn from the points themselves.
    var rng = SplitMix64(seed: 1)
    var c = a
    c[0].samples = [9000]
    let draws = try XCTUnwrap(
      Classifier.inputDraws(
        Classifier.inputValues([a, c], at: (a + c).mergedBySize()), count: 50, rng: &rng))
    XCTAssertEqual(Set(draws.map { $0[0] }), [a[0].best, 9000])
    XCTAssertTrue(draws.allSatisfy { Array($0.dropFirst()) == a.dropFirst().map(\.best) })
    let partial = try XCTUnwrap(
      Classifier.inputDraws(
        Classifier.inputValues([Array(a.dropLast()), Array(c.dropLast())], at: a), count: 5,
        rng: &rng))
    XCTAssertTrue(partial.allSatisfy { $0.last == a.last!.best })
    XCTAssertNil(Classifier.inputDraws(Classifier.inputValues([a, a], at: a), count: 5, rng: &rng))
  }

  func testACurveThatRisesManyFoldIsNeverO1() throws {
    // Six sizes of a sort's brief timing with a cache step: nothing fits
    // well, and AICc's smaller penalty for one parameter ranked O(1) first.
    let c = try classify(file: "recorded/swift.Array.sort-brief.csv")
    XCTAssertNotEqual(c.best, .constant)
    XCTAssertNotEqual(c.runnerUp, .constant)
    XCTAssertFalse("\(c.outcome)".contains("O(1)"), "\(c.outcome)")
  }

  func testDrawsTakeTheMedianOfAnOddNumberAndTheNoiseIsTheStandardError() throws {
    let sizes = [32, 64, 128, 256, 512]
    func input(_ values: [Double]) -> [Point] {
      zip(sizes, values).map { Point(n: $0, samples: [$1]) }
    }
    let a = input([100, 200, 400, 800, 1600])
    let b = input([110, 200, 400, 800, 1600])
    let c = input([150, 200, 400, 800, 1600])
    let points = (a + b + c).mergedBySize()
    // The fitted value: the median of the inputs at each size.
    XCTAssertEqual(
      Classifier.inputMedians(Classifier.inputValues([a, b, c], at: points), at: points).map(
        \.best), [110, 200, 400, 800, 1600])
    XCTAssertEqual(
      Classifier.inputMedians(Classifier.inputValues([a, c], at: points), at: points).first?.best,
      125)
    var rng = SplitMix64(seed: 3)
    let draws = try XCTUnwrap(
      Classifier.inputDraws(Classifier.inputValues([a, b, c], at: points), count: 900, rng: &rng))
    // At n = 32, the median of three drawn from {100, 110, 150}: always
    // one input's value, the largest when two or three draws are it
    // (7 in 27).
    let first = draws.map { $0[0] }
    XCTAssertEqual(Set(first), [100, 110, 150])
    let share150 = Double(first.filter { $0 == 150 }.count) / Double(first.count)
    XCTAssertEqual(share150, 7.0 / 27, accuracy: 0.05)
    XCTAssertTrue(draws.allSatisfy { Array($0.dropFirst()) == [200, 400, 800, 1600] })
    // Two inputs: one input's value per draw, each half the time; four:
    // the median of three, one input's value too.
    let two = try XCTUnwrap(
      Classifier.inputDraws(Classifier.inputValues([a, c], at: points), count: 400, rng: &rng))
    XCTAssertEqual(Set(two.map { $0[0] }), [100, 150])
    XCTAssertEqual(
      Double(two.filter { $0[0] == 150 }.count) / Double(two.count), 0.5, accuracy: 0.08)
    let d = input([180, 200, 400, 800, 1600])
    let four = try XCTUnwrap(
      Classifier.inputDraws(
        Classifier.inputValues([a, b, c, d], at: points), count: 400, rng: &rng))
    XCTAssertTrue(Set(four.map { $0[0] }).isSubset(of: [100, 110, 150, 180]))

    // The noise: the inputs' relative standard error (at n = 32), its
    // median over the sizes 0, so none is claimed.
    XCTAssertNil(try Classifier.inputNoise(Classifier.inputValues([a, b, c], at: points)))
    // Inputs 10% and 30% above `a` at every size: s / (√3 · ȳ) for
    // {1, 1.1, 1.3}, freed of the median's bias on 2 degrees of freedom
    // (the median of χ²₂ / 2 is ln 2).
    let e = input(a.map { $0.best * 1.1 })
    let f = input(a.map { $0.best * 1.3 })
    let mean = 3.4 / 3
    let variance = [1, 1.1, 1.3].map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2
    XCTAssertEqual(
      try XCTUnwrap(
        try Classifier.inputNoise(
          Classifier.inputValues([f, a, e], at: (a + e + f).mergedBySize()))),
      (variance / log(2) / 3).squareRoot() / mean, accuracy: 1e-6)
    // Two inputs: |a − b| / (a + b) over the median of |z| for a standard
    // normal z, 0.6745.
    XCTAssertEqual(
      try XCTUnwrap(
        try Classifier.inputNoise(Classifier.inputValues([a, f], at: (a + f).mergedBySize()))),
      0.3 / 2.3 / 0.674_489_75, accuracy: 1e-6)
  }

  func testTheMedianOfTheInputsIsKeptAsTheValuesFitted() throws {
    let sizes = (5...15).map { 1 << $0 }
    let a = sizes.map { Point(n: $0, samples: [1000 + Double($0)]) }
    let b = sizes.map { Point(n: $0, samples: [1100 + Double($0), 5000 + Double($0)]) }
    let plain = try classifier.classify(a + b)
    XCTAssertNil(plain.fitted)
    let layered = try classifier.classify(a + b, inputs: [a, b])
    XCTAssertEqual(layered.fitted?.map(\.n), sizes)
    XCTAssertEqual(layered.fitted?.map(\.best), sizes.map { 1050 + Double($0) })
  }
}
