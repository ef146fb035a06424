import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity harness`: prints the CPython harness, for inspection.
  struct Harness: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the Python timing harness the CPython subject runs.")

    func run() throws {
      try OutputFile.standardOutput(PythonHarness.source)
    }
  }

  /// `complexity python-helper`: prints complexity_check.py, for pytest.
  struct PythonHelper: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "python-helper",
      abstract: "Print complexity_check.py: assert_complexity() for pytest and unittest.",
      discussion: """
        complexity python-helper > complexity_check.py
        then, in a test:
          from complexity_check import assert_complexity
          assert_complexity("x.pop(0); x.append(0)", setup="x = list(range(n))", expected="O(n)")
        """)

    func run() throws { try OutputFile.standardOutput(PythonHarness.pytestHelper) }
  }
}
