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
    discussion: """
      Exit status: 0 when every measured class agrees with its documented one,
      1 when one differs, 2 for bad usage or bad input.
      """,
    version: "0.1.0",
    subcommands: [
      List.self, Sweep.self, Time.self, Race.self, Fit.self, Report.self, Compare.self,
      Harness.self, CountWorker.self,
    ]
  )

  /// Parses and runs, mapping every failure to a one-line message and exit
  /// status 2 (argument parser's own usage errors included).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ComplexityError {
      FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
      Foundation.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .success || error is ExitCode {
        exit(withError: error)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
