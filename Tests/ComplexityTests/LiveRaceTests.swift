import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

/// One small race in the real interpreter, asserting only what no machine
/// noise can change.
final class LiveRaceTests: XCTestCase {
  func testComprehensionAgainstListRangeBothGrowLinearly() throws {
    guard let python = which("python3") else { throw XCTSkip("python3 is not on PATH") }
    let recipe = RaceRecipe(
      name: "build", once: "R = 1", setup: "m = n * R",
      implementations: [
        .init(name: "comprehension", statement: "a = [i for i in range(m)]"),
        .init(name: "list_range", statement: "a = list(range(m))"),
      ],
      sizes: .plan(SizePlan(minimum: 2000, maximum: 64_000, pointsPerOctave: 1)))
    let result = try Race(recipe: recipe, timing: TimingOptions(repeats: 3)).run(python: python)
    XCTAssertNotNil(result.interpreter)
    for entry in result.entries {
      // Six sizes between 2000 and 64000 cannot always tell O(n) from
      // O(n log n) (a CI run once read the comprehension as n log n);
      // what no noise can change is that both grow about linearly.
      let c = try XCTUnwrap(entry.classification, entry.failure ?? "")
      XCTAssertTrue([.linear, .linearithmic].contains(c.best), "\(entry.name): \(c.outcome)")
      XCTAssertGreaterThan(c.growth, 5, entry.name)
      XCTAssertEqual(entry.points.map(\.samples.count), Array(repeating: 3, count: 6))
    }
    XCTAssertEqual(result.summary.count, 1)
    XCTAssertTrue(result.standings.allSatisfy { $0.ratio >= 1 && $0.ratio.isFinite })
  }

  func testAnImportTheRecipeDidNotDeclareStillSaysWhatToInstall() throws {
    guard let python = which("python3") else { throw XCTSkip("python3 is not on PATH") }
    let recipe = RaceRecipe(
      name: "undeclared", setup: "import complexity_no_such_module",
      implementations: [.init(name: "a", statement: "pass"), .init(name: "b", statement: "pass")],
      sizes: .list([1, 2, 3, 4, 5]))
    XCTAssertThrowsError(try Race(recipe: recipe).run(python: python)) { error in
      XCTAssertEqual((error as? ComplexityError)?.kind, .missingTool)
      XCTAssertTrue(
        "\(error)".contains(
          "install complexity_no_such_module into the interpreter given with --python"), "\(error)")
    }
  }
}
