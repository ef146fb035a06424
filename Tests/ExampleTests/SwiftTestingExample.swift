// The same kind of check in Swift Testing.

import Complexity
import ComplexityTesting
import Testing

@Suite struct DictionaryComplexity {
  @Test func lookupIsConstant() throws {
    let result = try measureComplexity(
      setUp: { n in Dictionary(uniqueKeysWithValues: (0..<n).map { ($0, $0) }) },
      run: { dictionary in dictionary[7] })
    assertComplexity(result, is: .constant)
    #expect(result.class == .constant, "\(result)")
  }
}
