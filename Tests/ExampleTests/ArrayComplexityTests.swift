// An example to copy: asserting the complexity class of your own code.
//
// Each test times real code over n = 64…16384 (insert at front: 64…4096),
// so it takes a few tenths of a second. On a busy machine the clock can
// fail to separate a class from its neighbour (O(n) from O(n log n) above
// all: a cache level left reads as a log factor), so each test accepts an
// inconclusive outcome that names the class, but never a wrong class. To
// assert exactly, count instructions (InstructionCountExample.swift).

import Complexity
import ComplexityTesting
import XCTest

final class ArrayComplexityTests: XCTestCase {
  func testAppendIsConstant() throws {
    let result = try measureComplexity(
      // append is amortised: time blocks of appends, cut back untimed.
      mode: .blocks(restore: { array, n in array.removeLast(array.count - n) }),
      setUp: { n in Array(0..<n) },
      run: { array in array.append(42) })
    assertComplexity(result, is: .constant, allowingInconclusive: true)
  }

  func testInsertAtFrontIsLinear() throws {
    let result = try measureComplexity(
      // Inserting at the front moves all n elements (a memmove). Up to 4096
      // Ints (32 KB) they stay in the L1 data cache, where a move costs the
      // same per byte at every size; past it the cost per element steps up,
      // which reads as a log factor (over 64…16384 this test called insert
      // O(n log n) in some runs, depending on where the arrays landed).
      sizes: SizePlan(minimum: 64, maximum: 4096, pointsPerOctave: 2),
      setUp: { n in Array(0..<n) },
      run: { array in
        array.insert(42, at: 0)
        return array.removeLast()  // back to n elements, O(1)
      })
    assertComplexity(result, is: .linear, allowingInconclusive: true)
  }

  func testSortIsLinearithmic() throws {
    let result = try measureComplexity(
      // Each sort gets a fresh shuffled array, built untimed.
      mode: .fresh,
      setUp: { n in
        var rng = SystemRandomNumberGenerator()
        return (0..<n).shuffled(using: &rng)
      },
      run: { array in array.sort() })
    assertComplexity(result, is: .linearithmic, allowingInconclusive: true)
    XCTAssertNotEqual(result.class, .linear, "\(result)")
  }

  func testTheResultReadsWell() throws {
    let result = try measureComplexity(
      // Up to 4096 Ints (32 KB) the scan stays in the L1 data cache; over
      // 64…16384 a busy machine once read its step out of L1 as a log factor.
      sizes: SizePlan(minimum: 64, maximum: 4096, pointsPerOctave: 2),
      setUp: { n in Array(0..<n) }, run: { array in array.contains(-1) })
    XCTAssertTrue(result.shows(.linear, allowingInconclusive: true), "\(result)")
    XCTAssertNotEqual(result.class, .constant, "\(result)")
    XCTAssertTrue("\(result)".hasPrefix("measured \(result.outcome) with confidence"), "\(result)")
    XCTAssertTrue("\(result)".contains("Fastest per size: 64: "), "\(result)")
  }
}
