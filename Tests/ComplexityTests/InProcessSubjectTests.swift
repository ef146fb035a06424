import Complexity
import XCTest

final class InProcessSubjectTests: XCTestCase {
  func testSharedInputIsBuiltOncePerSizeAndStaysUnique() throws {
    var builds = 0
    var subject = InProcessSubject(
      setUp: { n -> [Int] in
        builds += 1; return Array(0..<n)
      },
      operation: { (a: inout [Int]) -> Bool in
        // A second reference would make this write copy the array.
        a[0] = a[0]
        return isKnownUniquelyReferencedArray(&a)
      })
    for _ in 0..<6 { _ = try subject.sample(size: 100, iterations: 10) }
    XCTAssertEqual(builds, 1)
  }

  func testPreparedInputsAreTheOnesSampled() throws {
    var builds: [Int] = []
    var subject = InProcessSubject(
      setUp: { n -> [Int] in
        builds.append(n); return Array(0..<n)
      },
      operation: { (a: inout [Int]) in a.count })
    try subject.prepare(sizes: [8, 16])
    XCTAssertEqual(builds, [8, 16])
    _ = try subject.sample(size: 16, iterations: 2)
    _ = try subject.sample(size: 32, iterations: 2)
    XCTAssertEqual(builds, [8, 16, 32])
    // A fresh input per call cannot be built ahead.
    var fresh = InProcessSubject(
      mode: .fresh,
      setUp: { n -> [Int] in
        builds.append(n); return Array(0..<n)
      },
      operation: { (a: inout [Int]) in a.removeAll() })
    try fresh.prepare(sizes: [64])
    XCTAssertEqual(builds, [8, 16, 32])
  }

  /// How many distinct tables (addresses: what seeds a Swift hash table)
  /// the operation met while `drive` used a subject that builds one per
  /// size.
  private func tablesMet(
    _ drive: (inout InProcessSubject<Table, Void>) throws -> Void
  ) rethrows -> Int {
    var seen: [ObjectIdentifier] = []
    var subject = InProcessSubject(
      setUp: { n in Table(n) },
      operation: { (t: inout Table) in seen.append(ObjectIdentifier(t)) })
    try drive(&subject)
    return Set(seen).count
  }

  func testForgottenInputsAreRebuiltElsewhereInMemory() throws {
    // A hash table seeded by its address gets another layout only if the
    // new input cannot take the forgotten one's block.
    let met = try tablesMet { subject in
      _ = try subject.sample(size: 8, iterations: 1)
      try subject.forgetInputs()
      try subject.prepare(sizes: [8])
      _ = try subject.sample(size: 8, iterations: 1)
    }
    XCTAssertEqual(met, 2)
  }

  func testCountedInputsAreAllKeptSoThatNoneTakesAnEarliersBlock() throws {
    // Counted, a third and a fourth input must not land where the first
    // was: every forgotten one stays alive, and each is another address
    // (what seeds a Swift hash table).
    let met = try tablesMet { subject in
      XCTAssertFalse(subject.keepsEveryForgottenInput, "timed, one at a time")
      subject.keepsEveryForgottenInput = true
      for _ in 0..<4 {
        try subject.prepare(sizes: [8])
        _ = try subject.sample(size: 8, iterations: 1)
        try subject.forgetInputs()
      }
    }
    XCTAssertEqual(met, 4)
  }

  func testBlocksRestoreTheSizeBeforeEachBlock() throws {
    var sizesSeen: [Int] = []
    var subject = InProcessSubject(
      mode: .blocks(restore: { a, n in
        sizesSeen.append(a.count)
        a.removeLast(a.count - n)
      }),
      setUp: { n in Array(0..<n) }, operation: { (a: inout [Int]) in a.append(1) })
    _ = try subject.sample(size: 10, iterations: 12)
    // Blocks of n/2 = 5: before each, the array is cut back to 10.
    XCTAssertEqual(sizesSeen, [10, 15, 15])
  }

  func testFreshModeGivesEveryCallANewInput() throws {
    var builds = 0
    var subject = InProcessSubject(
      mode: .fresh,
      setUp: { n -> [Int] in
        builds += 1; return Array(0..<n)
      },
      operation: { (a: inout [Int]) in a.removeAll() })
    let totals = try (0..<2).map { _ in try subject.sample(size: 50, iterations: 4) }
    XCTAssertEqual(builds, 8)
    XCTAssertEqual(totals.count, 2)
  }

  func testErrorsOfTheCodeUnderTestPropagate() {
    struct Boom: Error {}
    var subject = InProcessSubject(
      setUp: { _ in 0 }, operation: { (_: inout Int) throws -> Int in throw Boom() })
    XCTAssertThrowsError(try subject.sample(size: 1, iterations: 1))
  }
}

private func isKnownUniquelyReferencedArray(_ a: inout [Int]) -> Bool {
  a.withUnsafeMutableBufferPointer { _ in true }
}

/// A stand-in for a hash table: an object whose address can be told apart.
private final class Table {
  let n: Int
  init(_ n: Int) { self.n = n }
}
