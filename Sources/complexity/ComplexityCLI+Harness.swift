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
}
