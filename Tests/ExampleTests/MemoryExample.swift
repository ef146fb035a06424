// Asserting the class of the memory Swift code needs: the peak bytes each
// call allocates above its input, counted by the counting allocator the
// package builds (libComplexityAllocationCounter.so), preloaded into the
// test process:
//
//     ./scripts/memory-tests ExampleTests.MemoryExample
//
// In a plain `swift test` these tests skip, saying so.

import Complexity
import ComplexityTesting
import XCTest

final class MemoryExample: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipUnless(
      canMeasureAllocations,
      "memory needs the counting allocator: ./scripts/memory-tests ExampleTests.MemoryExample")
  }

  /// `sorted()` returns a new array: n elements of memory.
  func testSortedNeedsLinearMemory() throws {
    let result = try measureComplexity(
      metric: .memory,
      setUp: { n in (0..<n).reversed() as [Int] }, run: { array in array.sorted() })
    assertComplexity(result, is: .linear)
  }

  /// Joining k copies of an n-element array holds n·k elements: a formula
  /// in two variables, measured over n for each k and fitted in both.
  func testJoiningCopiesNeedsMemoryInNTimesK() throws {
    let result = try measureComplexity(
      values: [1, 8, 64], metric: .memory,
      setUp: { n, k in (Array(0..<n), k) },
      run: { input in Array(Array(repeating: input.0, count: input.1).joined()) })
    assertComplexity(result, is: "O(nk)")
  }

  /// Moving the last element to the end again needs no memory above the
  /// array (its capacity holds it).
  func testMovingTheLastElementNeedsNoMemory() throws {
    let result = try measureComplexity(
      metric: .memory,
      setUp: { n in Array(0..<n) }, run: { array in array.append(array.removeLast()) })
    assertComplexity(result, is: .constant)
  }
}
