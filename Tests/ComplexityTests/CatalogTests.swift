import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

final class CatalogTests: XCTestCase {
  let catalog = Catalog.standard

  /// (table, operation) for every row of the seed's three tables.
  private func seedRows() throws -> [(String, String)] {
    let text = try String(contentsOfFile: fixture("seed-tables.md"), encoding: .utf8)
    var table = ""
    var rows: [(String, String)] = []
    for line in text.split(separator: "\n").map(String.init) {
      if line.hasPrefix("#### ") { table = String(line.dropFirst(5)); continue }
      // Only table lines; an indented line continues the row above it.
      guard line.contains("|"), line.first?.isWhitespace == false else { continue }
      let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      let first = cells.first { !$0.isEmpty } ?? ""
      // Header and rule lines are not rows.
      if first == "Operation" || first.allSatisfy({ $0 == "-" }) { continue }
      rows.append((table, first.replacingOccurrences(of: "`", with: "")))
    }
    return rows
  }

  func testEverySeedRowMapsToAnOpID() throws {
    let rows = try seedRows()
    XCTAssertEqual(rows.filter { $0.0 == "Lists" }.count, 24)
    XCTAssertEqual(rows.filter { $0.0 == "Sets" }.count, 18)
    XCTAssertEqual(rows.filter { $0.0 == "Dicts" }.count, 16)
    for (table, operation) in rows {
      let matches = catalog.operations.filter { op in
        guard let seed = op.seedRow, seed.table == table else { return false }
        return seed.operation.split(separator: "/").map {
          $0.trimmingCharacters(in: .whitespaces)
        }.contains(operation) || seed.operation == operation
      }
      XCTAssertFalse(matches.isEmpty, "seed row \(table): '\(operation)' has no op id")
    }
  }

  func testIssueIDsExist() {
    let ids = """
      list.copy list.append list.pop list.pop0 list.getitem list.setitem list.iter list.sort
      list.min list.max list.len list.reverse list.contains list.clear list.construct list.eq
      list.pop_k list.insert_slice list.getslice list.delslice list.delitem list.remove
      list.setslice list.extend list.multiply set.contains set.len set.add set.remove
      set.discard set.pop set.clear set.construct set.iter set.copy set.eq set.issubset
      set.issuperset set.union set.intersection set.intersection_both set.multi_intersection
      set.difference set.symmetric_difference dict.copy dict.getitem dict.setitem dict.delitem
      dict.items_iter dict.len dict.get dict.setdefault dict.pop dict.popitem dict.clear
      dict.keys dict.values dict.construct dict.iter
      """.split(whereSeparator: \.isWhitespace).map(String.init)
    for id in ids { XCTAssertNotNil(catalog[id], id) }
  }

  func testEveryPythonOpHasADocumentedClassAndItsCode() throws {
    let python = catalog.operations.filter { $0.subject == .python }
    let worst = python.compactMap(\.worstCaseVariant)
    XCTAssertEqual(worst.count, 6)
    for op in python {
      XCTAssertNotNil(op.documented, op.id)
      XCTAssertNotNil(op.python, op.id)
    }
    for op in worst {
      XCTAssertTrue(op.isWorstCase, op.id)
      XCTAssertNotNil(op.python, op.id)
      XCTAssertNotEqual(op.python, catalog[String(op.id.dropLast("@worst".count))]?.python, op.id)
    }
  }

  func testSelectionByIDAndGlob() throws {
    XCTAssertEqual(try catalog.select(["list.pop0"]).map(\.id), ["list.pop0"])
    XCTAssertEqual(try catalog.select(["set.*"]).count, 19)
    XCTAssertEqual(try catalog.select(["list.pop?"]).map(\.id), ["list.pop0"])
    // Repeated and overlapping patterns give each op once, in catalog order.
    XCTAssertEqual(
      try catalog.select(["list.pop0", "list.pop*"]).map(\.id),
      ["list.pop", "list.pop_k", "list.pop0"])
    // No pattern: the whole catalog without the fakes.
    XCTAssertFalse(try catalog.select([]).contains { $0.subject == .fake })
  }

  func testUnknownIDsGetSuggestions() {
    XCTAssertThrowsError(try catalog.select(["list.popp0"])) {
      let message = "\($0)"
      XCTAssertTrue(message.contains("unknown op 'list.popp0'"), message)
      XCTAssertTrue(message.contains("'list.pop0'"), message)
    }
    XCTAssertThrowsError(try catalog.select(["tuple.*"])) {
      XCTAssertTrue("\($0)".contains("no op matches 'tuple.*'"), "\($0)")
    }
  }

  func testWorstCaseSelection() throws {
    XCTAssertEqual(
      try catalog.selectWorstCases(["dict.*"]).map(\.id),
      ["dict.getitem@worst", "dict.setitem@worst", "dict.delitem@worst"])
    XCTAssertEqual(try catalog.selectWorstCases([]).count, 6)
    XCTAssertThrowsError(try catalog.selectWorstCases(["list.pop0"])) {
      XCTAssertTrue("\($0)".contains("no worst case to provoke"), "\($0)")
    }
    let worst = try XCTUnwrap(catalog["set.contains"]?.worstCaseVariant)
    XCTAssertEqual(worst.documented, .linear)
    XCTAssertEqual(worst.documentedText, "O(n)")
  }
}
