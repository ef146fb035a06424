import Complexity
import XCTest

/// The library API on far-apart classes, so it holds in a debug build and
/// on a busy machine: a lookup that does not grow against a scan that grows
/// a thousandfold.
final class MeasureComplexityTests: XCTestCase {
  func testAScanGrowsAndALookupDoesNot() throws {
    let scan = try measureComplexity(
      setUp: { n in Array(0..<n) }, run: { a in a.contains(-1) })
    let lookup = try measureComplexity(
      setUp: { n in Array(0..<n) }, run: { a in a[a.count / 2] })
    XCTAssertNotEqual(scan.classification.best, .constant, "\(scan)")
    XCTAssertGreaterThan(scan.classification.growth, 20, "\(scan)")
    // One slow size can leave a 26 ns lookup undecided between O(1) and
    // O(log n); it can never make it grow like a scan.
    XCTAssertLessThan(lookup.classification.best, .linear, "\(lookup)")
    XCTAssertLessThan(lookup.classification.growth, 1, "\(lookup)")
    XCTAssertFalse(lookup.shows(.linear, allowingInconclusive: true))
  }

  func testResultDescriptionIsReadable() throws {
    let lookup = try measureComplexity(
      sizes: SizePlan(minimum: 64, maximum: 4096, pointsPerOctave: 1),
      setUp: { n in Array(0..<n) }, run: { a in a[a.count / 2] })
    // The wording, not the class: seven sizes of a 26 ns operation are at
    // the mercy of one slow size, and the class is tested above.
    let text = "\(lookup)"
    XCTAssertTrue(text.hasPrefix("measured "), text)
    XCTAssertTrue(text.contains(" with confidence "), text)
    XCTAssertTrue(text.contains("Fastest per size: 64:"), text)
    if isDebugBuild { XCTAssertTrue(text.contains("debug build"), text) }
  }

  func testBadSizesAreAnError() {
    XCTAssertThrowsError(
      try measureComplexity(
        sizes: SizePlan(minimum: 10, maximum: 20), setUp: { n in n }, run: { n in n }))
  }

  func testSwiftCatalogRowsHaveQuotesAndSubjects() throws {
    let rows = Catalog.standard.operations.filter { $0.subject == .swift }
    XCTAssertGreaterThanOrEqual(rows.count, 45)
    for op in rows {
      XCTAssertTrue(op.id.hasPrefix("swift."), op.id)
      XCTAssertFalse(op.source.isEmpty, op.id)
      XCTAssertNotNil(SwiftOperations.subject(for: op.id), op.id)
      if op.documented == nil { XCTAssertEqual(op.documentedText, "not stated", op.id) }
    }
    for type in [
      "Array", "Set", "Dictionary", "String", "Deque", "OrderedSet", "OrderedDictionary", "Heap",
    ] {
      XCTAssertTrue(rows.contains { $0.id.hasPrefix("swift.\(type).") }, type)
    }
  }
}
