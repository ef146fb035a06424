import ArgumentParser
import Complexity
import Foundation

/// The `complexity` command: measures the Big-O class of container
/// operations and says where the documentation is wrong.
@main
struct ComplexityCLI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "complexity",
    abstract: "Measure the Big-O class of container operations and check it against the docs.",
    discussion: ExitStatus.help,
    version: "0.1.0",
    subcommands: [
      List.self, Sweep.self, Time.self, Race.self, Fit.self, Report.self, Compare.self,
      Harness.self, PythonHelper.self, CountWorker.self,
    ]
  )

  /// Parses and runs, mapping every failure to a one-line message and exit
  /// status 2 (argument parser's own usage errors included).
  static func main() {
    Leftovers.cleanUpOnSignals()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ComplexityError {
      warn("error: \(error.description)")
      // A measurement that failed is not bad input: a CI job must tell them apart.
      let failed = [.subject, .fit, .timedOut].contains(error.kind)
      Foundation.exit(failed ? ExitStatus.failed.rawValue : ExitStatus.badInput.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is ExitCode {
        exit(withError: error)
      }
      var message = fullMessage(for: error)
      if message.contains("Unknown option"), CommandLine.arguments.dropFirst().first == "time" {
        message +=
          "\nA statement that starts with '-' goes after '--': complexity time -- '-1 in t'"
      }
      warn(message)
      Foundation.exit(ExitStatus.badInput.rawValue)
    }
  }
}
