import ComplexityTestSupport
import Foundation
import XCTest

@testable import Complexity

/// The two-variable fit on generated grids (seeded noise): each seed
/// formula recovered from its own data, the formulas read as the seed
/// writes them, and the verdict compares formula with formula.
final class TwoVariableClassifierTests: XCTestCase {
  /// Both edges, the diagonal and the skewed corners: 32 … 8192 in each
  /// variable, a factor of 4 apart (25 points).
  private let axis = [32, 128, 512, 2048, 8192]

  private func grid(
    noise: Double, seed: UInt64, _ cost: (Double, Double) -> Double
  )
    -> [TwoVariablePoint]
  {
    syntheticGrid(xs: axis, ys: axis, noise: noise, seed: seed, cost)
  }

  private let truths: [(TwoVariableModel, (Double, Double) -> Double)] = [
    (.constant, { _, _ in 50 }),
    (.first(.linear), { x, _ in 50 + 3 * x }),
    (.second(.linear), { _, y in 50 + 3 * y }),
    (.sum(.linear, .linear), { x, y in 50 + 3 * x + 2 * y }),
    (.product(.linear, .linear), { x, y in 50 + 0.5 * x * y }),
    (.minimum, { x, y in 50 + 3 * min(x, y) }),
    (.maximum, { x, y in 50 + 3 * max(x, y) }),
    (.firstUpToSecond, { x, y in x <= y ? 50 + 3 * x : 50 }),
    (.secondUpToFirst, { x, y in y <= x ? 50 + 3 * y : 50 }),
    (.diagonal, { x, y in x == y ? 50 + 3 * x : 50 }),
  ]

  func testEachSeedFormulaIsRecoveredFromItsOwnData() throws {
    for (truth, cost) in truths {
      for seed in UInt64(1)...5 {
        let c = try TwoVariableClassifier().classify(grid(noise: 0.02, seed: seed, cost))
        XCTAssertEqual(c.best.model, truth, "seed \(seed): \(c.formula("n", "k"))")
        XCTAssertTrue(c.conclusive, "seed \(seed), \(truth): margin \(c.margin)")
      }
    }
  }

  func testFormulasReadAsTheSeedWritesThem() {
    XCTAssertEqual(TwoVariableModel.parse("O(nk)", "n", "k"), .product(.linear, .linear))
    XCTAssertEqual(TwoVariableModel.parse("O(n·k)", "n", "k"), .product(.linear, .linear))
    XCTAssertEqual(TwoVariableModel.parse("O(k+n)", "n", "k"), .sum(.linear, .linear))
    XCTAssertEqual(
      TwoVariableModel.parse("O(len(s)+len(t))", "len(s)", "len(t)"), .sum(.linear, .linear))
    XCTAssertEqual(
      TwoVariableModel.parse("O(min(len(s), len(t)))", "len(s)", "len(t)"), .minimum)
    XCTAssertEqual(
      TwoVariableModel.parse("O(len(s) * len(t))", "len(s)", "len(t)"), .product(.linear, .linear))
    XCTAssertEqual(TwoVariableModel.parse("O(k)", "n", "k"), .second(.linear))
    XCTAssertNil(TwoVariableModel.parse("O(n^k)", "n", "k"))
    XCTAssertEqual(
      TwoVariableModel.sum(.linear, .linear).formula("len(s)", "len(t)"), "O(len(s) + len(t))")
    XCTAssertEqual(TwoVariableModel.product(.linear, .linear).formula("n", "k"), "O(n·k)")
  }

  func testTheVerdictComparesFormulaWithFormula() throws {
    let c = try TwoVariableClassifier().classify(grid(noise: 0.02, seed: 9) { x, y in 9 + x * y })
    let agree = TwoVariableReport(
      classification: c, names: ("n", "k"), documented: .parse("O(nk)", "n", "k"), points: 25)
    XCTAssertEqual(agree.verdict, .agree)
    XCTAssertEqual(agree.measured, "O(n·k)")
    let differs = TwoVariableReport(
      classification: c, names: ("n", "k"), documented: .parse("O(k+n)", "n", "k"), points: 25)
    XCTAssertEqual(differs.verdict, .differs)
  }

  func testTooFewPointsAndBadCostsAreRefused() {
    XCTAssertThrowsError(
      try TwoVariableClassifier().classify([TwoVariablePoint(x: 1, y: 1, value: 1)]))
    var points = grid(noise: 0, seed: 1) { x, _ in x }
    points[3].value = -1
    XCTAssertThrowsError(try TwoVariableClassifier().classify(points))
  }

  func testTheCSVNamesItsVariablesInItsHeader() throws {
    let (names, points) = try TwoVariablePointsFile.parse(
      "len(s),len(t),seconds\n10,20,0.5\n10,20,0.4\n20,20,0.9\n", name: "t.csv")
    XCTAssertEqual(names.0, "len(s)")
    XCTAssertEqual(names.1, "len(t)")
    XCTAssertEqual(
      points,
      [
        TwoVariablePoint(x: 10, y: 20, value: 0.4), TwoVariablePoint(x: 20, y: 20, value: 0.9),
      ])
    XCTAssertThrowsError(try TwoVariablePointsFile.parse("n,seconds\n1,2\n"))
    XCTAssertThrowsError(try TwoVariablePointsFile.parse("n,k,seconds\n1,x,2\n"))
  }
}
