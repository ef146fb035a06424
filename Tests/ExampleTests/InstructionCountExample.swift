// Asserting a class on instruction counts instead of time: the counts do not
// depend on the machine's load, so the verdict repeats exactly. They need the
// test process to run under valgrind's callgrind:
//
//     ./scripts/count-tests ExampleTests.InstructionCountExample
//
// In a plain `swift test` these tests skip, saying so. They are XCTest:
// Swift Testing's runner crashes valgrind 3.19 as it starts its threads.

import Complexity
import ComplexityTesting
import XCTest

final class InstructionCountExample: XCTestCase {
  override func setUpWithError() throws {
    try XCTSkipUnless(
      canCountInstructions,
      "instruction counts need callgrind: ./scripts/count-tests ExampleTests.InstructionCountExample"
    )
  }

  func testContainsExecutesLinearlyManyInstructions() throws {
    let result = try measureComplexity(
      metric: .instructions,
      setUp: { n in Array(0..<n) }, run: { array in array.contains(-1) })
    assertComplexity(result, is: .linear)
  }

  // Set and Dictionary lookups would count differently from run to run:
  // Swift seeds every hash table anew, and one key's probe sequence follows.
  func testMovingTheLastElementExecutesConstantlyManyInstructions() throws {
    let result = try measureComplexity(
      metric: .instructions,
      setUp: { n in Array(0..<n) }, run: { array in array.append(array.removeLast()) })
    assertComplexity(result, is: .constant)
  }
}
