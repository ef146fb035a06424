import ComplexityTestSupport
import Foundation
import XCTest

/// `time --var`: a statement swept in n and a second variable, fitted in
/// both and judged by a formula.
final class TwoVariableCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  /// `x * k` copies n·k pointers: counted over a 3-column grid, the
  /// product, and `--expect 'O(nk)'` (the seed's spelling) agrees.
  func testAProductIsMeasuredAndJudgedByItsFormula() throws {
    try XCTSkipUnless(Tool.hasValgrind, "valgrind is not installed: the grid is counted")
    let r = try run([
      "time", "--var", "k=1,8,64", "--setup", "x = list(range(n))", "--expect", "O(nk)",
      "--metric", "instructions", "--max-size", "2048", "--quiet", "--format", "json",
      "x * k",
    ])
    XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    XCTAssertEqual(object?["measured"] as? String, "O(n·k)", r.stdout)
    XCTAssertEqual(object?["verdict"] as? String, "agree", r.stdout)
    let sweep = object?["sweep"] as? [String: Any]
    XCTAssertEqual(sweep?["metric"] as? String, "instructions", r.stdout)
    XCTAssertEqual((sweep?["columns"] as? [Any])?.count, 3, r.stdout)
    XCTAssertGreaterThanOrEqual((sweep?["values"] as? [Any])?.count ?? 0, 18, r.stdout)
  }

  /// Bad grids and formulas are refused before anything runs, saying
  /// what would be right.
  func testBadVariablesAreRefusedWithWhatWouldBeRight() throws {
    let cases: [([String], String)] = [
      (["--var", "k=5"], "at least 3"),
      (["--var", "k=9..2"], "LOW..HIGH"),
      (["--var", "2k=1..64"], "NAME=VALUES"),
      (["--var", "n=32..1024"], "add the second variable"),
      (["--var", "k=1..64", "--var", "j=1..64"], "two variables at most"),
      (["--var", "k=1..64", "--expect", "O(n^k)"], "not a formula in n and k"),
    ]
    for (arguments, message) in cases {
      let r = try run(["time", "--setup", "x = list(range(n))"] + arguments + ["x * k"])
      XCTAssertEqual(r.status, 2, "\(arguments): " + r.stderr)
      XCTAssertTrue(r.stderr.contains(message), "\(arguments): " + r.stderr)
      XCTAssertTrue(r.stdout.isEmpty, r.stdout)
    }
    let file = try run(["time", "--var", "k=1..64", "--file", "/tmp/nothing.py"])
    XCTAssertEqual(file.status, 2, file.stderr)
    XCTAssertTrue(file.stderr.contains("setup(n, k) and run(x)"), file.stderr)
  }

  /// A file's `setup(n, k)` sees both variables; one whose `setup` takes n
  /// only is refused by name, and nothing it measured is claimed.
  func testAFileIsSweptInTwoVariables() throws {
    try XCTSkipUnless(Tool.hasValgrind, "valgrind is not installed: the grid is counted")
    let code = try temporaryFile(
      "def setup(n, k):\n    return list(range(n)), k\n\ndef run(x):\n    x[0] * x[1]\n",
      prefix: "repeat", extension: "py")
    defer { try? FileManager.default.removeItem(at: code) }
    let r = try run([
      "time", "--var", "k=1,8,64", "--file", code.path, "--expect", "O(nk)", "--metric",
      "instructions", "--max-size", "2048", "--quiet", "--format", "json",
    ])
    XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    XCTAssertEqual(object?["measured"] as? String, "O(n·k)", r.stdout)
    let one = try temporaryFile(
      "def setup(n):\n    return list(range(n))\n\ndef run(x):\n    x * 2\n",
      prefix: "one", extension: "py")
    defer { try? FileManager.default.removeItem(at: one) }
    let refused = try run([
      "time", "--var", "k=1,8,64", "--file", one.path, "--metric", "instructions",
      "--max-size", "256", "--quiet",
    ])
    XCTAssertNotEqual(refused.status, 0, refused.stderr)
    XCTAssertTrue(refused.stderr.contains("must define setup(n, k)"), refused.stderr)
  }
}

/// `sweep --two-variables`: the catalog's rows in two variables.
final class GridRowsCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  /// `x[:k]` copies min(n, k) items: the seed's O(k) differs on the grid
  /// (exit 1), and the CSV row says so; the plots are small multiples, one
  /// per value of k.
  func testASliceIsJudgedOnItsGrid() throws {
    try XCTSkipUnless(Tool.hasValgrind, "valgrind is not installed: the grid is counted")
    let plots = FileManager.default.temporaryDirectory
      .appendingPathComponent("grid-plots-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: plots) }
    let r = try run([
      "sweep", "--two-variables", "--op", "list.getslice", "--metric", "instructions",
      "--no-cache", "--quiet", "--format", "csv", "--plot", plots,
    ])
    let files = try FileManager.default.contentsOfDirectory(atPath: plots + "/list.getslice")
    XCTAssertEqual(files.filter { $0.hasSuffix(".svg") }.count, 5, "\(files)")
    XCTAssertTrue(
      try String(contentsOfFile: plots + "/index.html", encoding: .utf8)
        .contains("list.getslice/index.html"))
    XCTAssertEqual(r.status, 1, r.stderr + r.stdout)
    let lines = r.stdout.split(separator: "\n")
    XCTAssertEqual(lines.first, "op,documented,measured,verdict,metric,grid,seconds")
    XCTAssertTrue(
      lines.dropFirst().first?.hasPrefix("list.getslice,O(k),\"O(min(n, k))\",differs,instructions")
        ?? false, r.stdout)
  }

  /// A selection without a two-variable row is refused, naming those that have one.
  func testARowWithoutAGridIsRefused() throws {
    let r = try run(["sweep", "--two-variables", "--op", "list.copy"])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(r.stderr.contains("list.multiply"), r.stderr)
    let sized = try run(["sweep", "--two-variables", "--max-size", "64"])
    XCTAssertEqual(sized.status, 2, sized.stderr)
    XCTAssertTrue(sized.stderr.contains("own grid"), sized.stderr)
  }
}

/// `report` and `compare` on saved two-variable rows (recorded runs under
/// `fixtures/results/`; the second has list.getslice's formula edited).
final class GridRowsFileCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }
  private let a = Tool.root.appendingPathComponent("fixtures/results/grid-rows-a.json").path
  private let b = Tool.root.appendingPathComponent("fixtures/results/grid-rows-b.json").path

  func testSavedRowsRenderAgain() throws {
    let r = try run(["report", a, "--format", "csv"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("list.getslice,O(k),\"O(min(n, k))\",differs"), r.stdout)
    let html = try run(["report", a, "--format", "html"])
    XCTAssertEqual(html.status, 2, html.stderr)
    XCTAssertTrue(html.stderr.contains("no HTML page"), html.stderr)
  }

  /// What `time --var --format json` wrote is one row for `report` and `compare`.
  func testATimeVarResultIsARowToo() throws {
    let product = Tool.root.appendingPathComponent("fixtures/results/time-var-product.json").path
    let slice = Tool.root.appendingPathComponent("fixtures/results/time-var-slice.json").path
    let same = try run(["compare", product, product, "--format", "csv"])
    XCTAssertEqual(same.status, 0, same.stderr)
    XCTAssertTrue(same.stdout.contains("user.snippet,O(n·k),O(n·k),same"), same.stdout)
    let changed = try run(["compare", product, slice])
    XCTAssertEqual(changed.status, 1, changed.stderr)
    XCTAssertTrue(changed.stdout.contains("changed"), changed.stdout)
    let shown = try run(["report", slice, "--format", "csv"])
    XCTAssertEqual(shown.status, 0, shown.stderr)
    XCTAssertTrue(shown.stdout.contains("\"O(min(n, k))\""), shown.stdout)
  }

  func testTwoRunsCompareRowByRow() throws {
    let same = try run(["compare", a, a])
    XCTAssertEqual(same.status, 0, same.stderr)
    XCTAssertTrue(same.stdout.contains("2 same, 0 changed"), same.stdout)
    let changed = try run(["compare", a, b, "--format", "csv"])
    XCTAssertEqual(changed.status, 1, changed.stderr)
    XCTAssertTrue(
      changed.stdout.contains("list.getslice,\"O(min(n, k))\",O(k),changed"), changed.stdout)
    let mixed = try run([
      "compare", a, Tool.root.appendingPathComponent("fixtures/results/a.json").path,
    ])
    XCTAssertEqual(mixed.status, 2, mixed.stderr)
    XCTAssertTrue(mixed.stderr.contains("compare like with like"), mixed.stderr)
  }

  /// A journal of the recorded rows (`fixtures/results/grid-rows-a.json`),
  /// its last line cut short as a kill leaves it.
  private func journal() throws -> String {
    let data = try XCTUnwrap(FileManager.default.contents(atPath: a))
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try XCTUnwrap(object["grid_rows"] as? [[String: Any]])
    let header: [String: Any] = [
      "journal": "complexity-grid-rows", "version": 1, "ops": rows.map { $0["op"] ?? "" },
      "metric": "auto", "started": "2026-12-01T00:00:00Z",
    ]
    let lines = try ([header] + rows).map {
      String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
    }
    let folder = try temporaryFolder(prefix: "grid-journal")
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("rows.json.jsonl").path
    try (lines.joined(separator: "\n") + "\n{\"op\": \"list.mul").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func testAResumedJournalSweepsOnlyTheRowsItLacks() throws {
    let path = try journal()
    let r = try run(["sweep", "--two-variables", "--resume", path, "--format", "csv"])
    // list.getslice's formula differs from the seed's: exit 1, nothing measured again.
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("line 4 is cut short"), r.stderr)
    XCTAssertTrue(r.stderr.contains("2 of 2 rows done, 0 to run"), r.stderr)
    XCTAssertTrue(r.stdout.contains("list.getslice,O(k),\"O(min(n, k))\",differs"), r.stdout)
    let repaired = try String(contentsOfFile: path, encoding: .utf8)
    XCTAssertTrue(repaired.hasSuffix("}\n"), String(repaired.suffix(40)))
    let fresh = try run(["sweep", "--two-variables", "--output", String(path.dropLast(6))])
    XCTAssertEqual(fresh.status, 2, fresh.stderr)
    XCTAssertTrue(fresh.stderr.contains("--resume \(path)"), fresh.stderr)
    let oneVariable = try run([
      "sweep", "--two-variables", "--resume",
      Tool.root.appendingPathComponent("fixtures/results/interrupted.jsonl").path,
    ])
    XCTAssertEqual(oneVariable.status, 2, oneVariable.stderr)
    XCTAssertTrue(oneVariable.stderr.contains("one-variable"), oneVariable.stderr)
  }

  func testABaselineSaysWhichFormulaChanged() throws {
    let path = try journal()
    let same = try run(["sweep", "--two-variables", "--resume", path, "--baseline", a])
    XCTAssertEqual(same.status, 0, same.stderr)
    XCTAssertTrue(same.stderr.contains("no formula changed (2 rows)"), same.stderr)
    let changed = try run(["sweep", "--two-variables", "--resume", path, "--baseline", b])
    XCTAssertEqual(changed.status, 1, changed.stderr)
    XCTAssertTrue(
      changed.stderr.contains("list.getslice was O(k), now O(min(n, k))"), changed.stderr)
    let foreign = try run([
      "sweep", "--two-variables", "--resume", path, "--baseline",
      Tool.root.appendingPathComponent("Package.swift").path,
    ])
    XCTAssertEqual(foreign.status, 2, foreign.stderr)
    XCTAssertTrue(foreign.stderr.contains("holds no rows in two variables"), foreign.stderr)
  }
}
