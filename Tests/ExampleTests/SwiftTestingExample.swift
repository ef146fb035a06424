// The same kind of check in Swift Testing.

import Complexity
import ComplexityTesting
import Testing

@Suite struct DictionaryComplexity {
  @Test func lookupIsConstant() throws {
    let result = try measureComplexity(
      setUp: { n in Dictionary(uniqueKeysWithValues: (0..<n).map { ($0, $0) }) },
      run: { dictionary in dictionary[7] })
    // By the clock a busy machine can leave O(1) and O(log n) unseparated:
    // inconclusive is accepted, a wrong class never.
    assertComplexity(result, is: .constant, allowingInconclusive: true)
    #expect(result.class == .constant || result.class == nil, "\(result)")
  }
}
