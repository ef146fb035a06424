import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

final class RaceRecipeTests: XCTestCase {
  private func parse(_ json: String) throws -> RaceRecipe {
    try RaceRecipe.parse(Data(json.utf8), directory: "/recipes")
  }

  private func assertRejects(
    _ json: String, mentioning words: [String], file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try parse(json), file: file, line: line) { error in
      guard let e = error as? ComplexityError else {
        return XCTFail("not a ComplexityError: \(error)", file: file, line: line)
      }
      XCTAssertEqual(e.kind, .badInput, file: file, line: line)
      for word in words {
        XCTAssertTrue(
          e.description.contains(word), "\(e.description) lacks \(word)", file: file, line: line)
      }
    }
  }

  func testParsesEveryField() throws {
    let recipe = try parse(
      """
      {"name": "build", "about": "what is timed", "requires": ["numpy", "dask.distributed=dask[distributed]"],
       "once": ["import math", "K = 3"], "setup": "x = list(range(n))",
       "implementations": [{"name": "loop", "statement": ["a = []", "for v in x: a.append(v)"]},
                           {"name": "mine", "file": "mine.py"}],
       "sizes": {"min": 100, "max": 3200, "perOctave": 1}, "repeats": 3}
      """)
    XCTAssertEqual(recipe.name, "build")
    XCTAssertEqual(recipe.about, "what is timed")
    XCTAssertEqual(recipe.requires.map(\.module), ["numpy", "dask.distributed"])
    XCTAssertEqual(recipe.requires.map(\.package), ["numpy", "dask[distributed]"])
    XCTAssertEqual(recipe.once, "import math\nK = 3")
    XCTAssertEqual(recipe.implementations[0].statement, "a = []\nfor v in x: a.append(v)")
    XCTAssertEqual(recipe.implementations[1].file, "/recipes/mine.py")
    XCTAssertEqual(recipe.sizes.resolve(), [100, 200, 400, 800, 1600, 3200])
    XCTAssertEqual(recipe.repeats, 3)
    XCTAssertEqual(recipe.variable, "n")
    XCTAssertFalse(recipe.isScaling)
  }

  func testScalingRaceOverCores() throws {
    let recipe = try parse(
      """
      {"name": "w", "variable": "workers", "sizes": "cores",
       "implementations": [{"name": "a", "statement": "pass"}, {"name": "b", "statement": "pass"}]}
      """)
    XCTAssertTrue(recipe.isScaling)
    XCTAssertEqual(RaceRecipe.Sizes.cores.resolve(cores: 4), [1, 2, 3, 4])
    XCTAssertEqual(recipe.sizes, .cores)
  }

  func testRejectsWhatIsWrongAndSaysWhat() {
    let two = #"[{"name": "a", "statement": "pass"}, {"name": "b", "statement": "pass"}]"#
    assertRejects("{", mentioning: ["not valid JSON"])
    assertRejects("[1]", mentioning: ["JSON object"])
    assertRejects(
      #"{"name": "x", "implementation": \#(two)}"#,
      mentioning: ["unknown field \"implementation\"", "implementations"])
    assertRejects(
      #"{"name": "x", "implementations": [{"name": "a", "stmt": "pass"}]}"#,
      mentioning: ["unknown field \"stmt\"", "implementations[0]"])
    assertRejects(#"{"implementations": \#(two)}"#, mentioning: ["\"name\""])
    assertRejects(
      #"{"name": "x", "implementations": [{"name": "a", "statement": "pass"}]}"#,
      mentioning: ["at least 2"])
    assertRejects(
      #"{"name": "x", "implementations": [{"name": "a", "statement": "pass"}, {"name": "a", "statement": "1"}]}"#,
      mentioning: ["two implementations are named 'a'"])
    assertRejects(
      #"{"name": "x", "implementations": [{"name": "a"}, {"name": "b", "statement": "1"}]}"#,
      mentioning: ["either \"statement\" or \"file\""])
    assertRejects(
      #"{"name": "x", "implementations": \#(two), "sizes": [1, 2, 3]}"#,
      mentioning: ["needs 5 sizes"])
    assertRejects(
      #"{"name": "x", "implementations": \#(two), "sizes": "many"}"#, mentioning: ["\"cores\""])
    assertRejects(
      #"{"name": "x", "implementations": \#(two), "sizes": {"min": 10, "max": 1000, "step": 2}}"#,
      mentioning: ["unknown field \"step\""])
    assertRejects(
      #"{"name": "x", "implementations": \#(two), "setup": 3}"#,
      mentioning: ["\"setup\" must be a string"])
    assertRejects(
      #"{"name": "x", "implementations": \#(two), "repeats": 0}"#, mentioning: ["repeats 0"])
  }

  func testAMissingFileIsNamed() {
    XCTAssertThrowsError(try RaceRecipe.load(path: "/no/such/recipe.json")) { error in
      XCTAssertEqual((error as? ComplexityError)?.kind, .badInput)
      XCTAssertTrue("\(error)".contains("/no/such/recipe.json"))
    }
  }

  func testTheShippedRecipesParse() throws {
    let folder = fixtures.deletingLastPathComponent().appendingPathComponent("examples/races")
    for name in ["build-list", "numpy-numba", "parallel", "parallel-workers"] {
      let recipe = try RaceRecipe.load(path: folder.appendingPathComponent("\(name).json").path)
      XCTAssertGreaterThanOrEqual(recipe.implementations.count, 2, name)
      XCTAssertNotNil(recipe.about, name)
    }
  }

  func testSnippetsRunOnceCodeOnceAndBindTheVariable() throws {
    let recipe = RaceRecipe(
      name: "w", once: "POOL = 1", setup: "x = workers",
      implementations: [.init(name: "a", statement: "f(x)"), .init(name: "b", file: "/r/b.py")],
      sizes: .cores, variable: "workers", directory: "/r")
    let snippets = recipe.code()
    XCTAssertEqual(recipe.implementations.map { RaceRecipe.opID($0.name) }, ["race.a", "race.b"])
    XCTAssertEqual(snippets[0].statement, "f(x)")
    XCTAssertEqual(snippets[1].statement, "_run(x)")
    XCTAssertTrue(snippets[0].setup.contains("__complexity_race__"))
    XCTAssertTrue(snippets[0].setup.contains("workers = n\nx = workers"))
    XCTAssertTrue(snippets[1].setup.contains("\"/r/b.py\""))
  }

  func testAMissingModuleSaysWhatToInstall() throws {
    guard let python = which("python3") else { throw XCTSkip("python3 is not on PATH") }
    let recipe = RaceRecipe(
      name: "needs", requires: [.init("complexity_no_such_module=no-such-package")],
      implementations: [.init(name: "a", statement: "pass"), .init(name: "b", statement: "pass")])
    XCTAssertThrowsError(try recipe.checkRequirements(python: python)) { error in
      let e = error as? ComplexityError
      XCTAssertEqual(e?.kind, .missingTool)
      XCTAssertTrue(
        e?.description.contains("install no-such-package into the interpreter given with --python")
          == true, "\(error)")
    }
    let fine = RaceRecipe(
      name: "fine", requires: [.init("json")],
      implementations: [.init(name: "a", statement: "pass"), .init(name: "b", statement: "pass")])
    XCTAssertNoThrow(try fine.checkRequirements(python: python))
  }
}
