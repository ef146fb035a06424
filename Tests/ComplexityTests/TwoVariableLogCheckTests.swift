import ComplexityTestSupport
import Foundation
import XCTest

@testable import Complexity

/// The log-factor check of a two-variable fit: a log factor the
/// information criterion favours is set aside only when the marginal cost
/// of the slices stays flat, never when it rises as a log factor's does.
final class TwoVariableLogCheckTests: XCTestCase {
  /// n over 17 sizes (64 … 16384, a factor of √2 apart), k over five.
  private let ns = (0...16).map { Int((64 * pow(2, Double($0) / 2)).rounded()) }
  private let ks = [64, 256, 1024, 4096, 16384]

  private func grid(
    noise: Double = 0, seed: UInt64 = 1, _ cost: (Double, Double) -> Double
  )
    -> [TwoVariablePoint]
  {
    syntheticGrid(xs: ns, ys: ks, noise: noise, seed: seed, cost)
  }

  /// `x[1:2] = y` (n items, y of k), counted by callgrind in CPython 3.11.7:
  /// 0.75 instructions per element above n = 1024, a few hundred more at the
  /// smallest n. The criterion alone says O(n log n + k), by 19 AICc.
  func testRecordedSetSliceCountsAreLinearInNOnceTheSlicesAreAsked() throws {
    let (names, points) = try TwoVariablePointsFile.read(
      path: fixture("two-variable/list-setslice-counts.csv"))
    let c = try TwoVariableClassifier().classify(points)
    XCTAssertEqual(c.fits.first?.model, .sum(.linearithmic, .linear))
    XCTAssertEqual(c.formula(names.0, names.1), "O(n + k)")
    XCTAssertTrue(c.conclusive, "margin \(c.margin)")
    XCTAssertEqual(c.excludedLogFactors.map(\.variable), [.x])
    XCTAssertTrue(c.notes("n", "k").first?.hasPrefix("a log factor in n is excluded") ?? false)
  }

  func testARealLogFactorIsKeptInASumAndInAProduct() throws {
    let truths: [(TwoVariableModel, (Double, Double) -> Double)] = [
      (.sum(.linearithmic, .linear), { n, k in 50 + 3 * n * log(n) + 2 * k }),
      (.product(.linearithmic, .linear), { n, k in 50 + 0.01 * n * log(n) * k }),
      (.first(.linearithmic), { n, _ in 50 + 3 * n * log(n) }),
    ]
    for (truth, cost) in truths {
      for noise in [0, 0.02] {
        let c = try TwoVariableClassifier().classify(grid(noise: noise, cost))
        XCTAssertEqual(c.best.model, truth, "noise \(noise): \(c.formula("n", "k"))")
        XCTAssertTrue(c.excludedLogFactors.isEmpty)
      }
    }
  }

  func testEachSliceAnswersFromItsMarginalCost() throws {
    let sizes = ns.map(Double.init)
    XCTAssertEqual(
      try TwoVariableLogCheck.sliceVerdict(sizes, sizes.map { 900 + 0.75 * $0 }), .excludes)
    XCTAssertEqual(
      try TwoVariableLogCheck.sliceVerdict(sizes, sizes.map { 900 + $0 * log($0) }), .supports)
    // A fixed cost at the small sizes does not reach the top half's marginals.
    let bumped = sizes.map { 900 + 0.75 * $0 + ($0 < 200 ? 500 : 0) }
    XCTAssertEqual(try TwoVariableLogCheck.sliceVerdict(sizes, bumped), .excludes)
    // Too few sizes in the top half, or no rise: no answer.
    XCTAssertNil(try TwoVariableLogCheck.sliceVerdict([64, 256, 1024], [1, 2, 3]))
    XCTAssertNil(try TwoVariableLogCheck.sliceVerdict(sizes, sizes.map { 5000 - $0 / 10 }))
  }

  /// `s == t`, `s <= t` and `s >= t`, counted in CPython 3.11.7: each grows
  /// on the diagonal or on one side of it only, and the seed's formula is
  /// its bound there (agree).
  func testRecordedSetComparisonsArePiecewiseAndTheSeedsBoundsAgree() throws {
    let rows: [(String, TwoVariableModel, String)] = [
      ("set-eq", .diagonal, "O(min(len(s), len(t)))"),
      ("set-issubset", .firstUpToSecond, "O(len(s))"),
      ("set-issuperset", .secondUpToFirst, "O(len(t))"),
    ]
    for (name, shape, documented) in rows {
      let (names, points) = try TwoVariablePointsFile.read(
        path: fixture("two-variable/\(name)-counts.csv"))
      let c = try TwoVariableClassifier().classify(points)
      XCTAssertEqual(c.best.model, shape, "\(name): \(c.formula(names.0, names.1))")
      XCTAssertTrue(c.conclusive, "\(name): margin \(c.margin)")
      let seed = try XCTUnwrap(TwoVariableModel.parse(documented, names.0, names.1))
      XCTAssertEqual(c.verdict(against: seed), .agree, name)
      XCTAssertEqual(c.verdict(against: .product(.linear, .linear)), .differs, name)
      XCTAssertTrue(c.notes(names.0, names.1).contains { $0.contains("is its bound") }, name)
    }
  }
}
