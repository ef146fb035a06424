import Complexity
import Testing
import XCTest

/// Fails the current test, in XCTest or Swift Testing, unless `result`
/// shows `expected`; the message gives the measured class, the confidence
/// and the fastest time at each size.
///
///     let result = try measureComplexity(setUp: { n in Array(0..<n) },
///                                        run: { $0.contains(-1) })
///     assertComplexity(result, is: .linear)
///
/// - Parameters:
///   - result: what `measureComplexity` found.
///   - expected: the class the code should have.
///   - allowingInconclusive: pass when the measurement cannot separate
///     `expected` from a neighbour (default false: inconclusive fails).
public func assertComplexity(
  _ result: ComplexityResult, is expected: ComplexityClass,
  allowingInconclusive: Bool = false,
  fileID: String = #fileID, filePath: StaticString = #filePath,
  line: UInt = #line, column: Int = #column
) {
  guard !result.shows(expected, allowingInconclusive: allowingInconclusive) else { return }
  let message = "expected \(expected), \(result)"
  fail(message, fileID: fileID, filePath: filePath, line: line, column: column)
}

/// Fails the current test, in XCTest or Swift Testing, unless `result`
/// shows `formula` (in its two variables' names: `O(nk)`, `O(n + k)`,
/// `O(min(n, k))`, `O(k)`); the message gives the measured formula and
/// each column's class.
///
///     let result = try measureComplexity(
///       values: [1, 8, 64], metric: .memory,
///       setUp: { n, k in (Array(0..<n), k) },
///       run: { input in Array(Array(repeating: input.0, count: input.1).joined()) })
///     assertComplexity(result, is: "O(n·k)")
///
/// - Parameters:
///   - allowingInconclusive: pass when the measurement cannot separate
///     `formula` from its runner-up (default false: inconclusive fails).
public func assertComplexity(
  _ result: TwoVariableComplexityResult, is formula: String,
  allowingInconclusive: Bool = false,
  fileID: String = #fileID, filePath: StaticString = #filePath,
  line: UInt = #line, column: Int = #column
) {
  let message: String
  do {
    switch try result.shows(formula) {
    case true?: return
    case nil where allowingInconclusive: return
    default: message = "expected \(formula), \(result)"
    }
  } catch {
    message = "\(error)"
  }
  fail(message, fileID: fileID, filePath: filePath, line: line, column: column)
}

/// Records a failed assertion in whichever framework runs the test: an
/// issue in Swift Testing, an XCTest failure otherwise.
private func fail(
  _ message: String, fileID: String, filePath: StaticString, line: UInt, column: Int
) {
  if Test.current != nil {
    Issue.record(
      Comment(rawValue: message),
      sourceLocation: SourceLocation(
        fileID: fileID, filePath: "\(filePath)", line: Int(line), column: column))
  } else {
    XCTFail(message, file: filePath, line: line)
  }
}
