import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity count-worker`: the process `--metric instructions` runs
  /// under valgrind to count Swift ops in itself. Not for direct use.
  struct CountWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "count-worker",
      abstract: "Count Swift ops' instructions under callgrind (started by sweep --metric).",
      shouldDisplay: false)

    func run() throws {
      let status = CallgrindSwiftWorker.serve()
      if status != 0 { throw ExitCode(status) }
    }

    /// The command that runs this worker: this very executable, by its
    /// absolute path.
    static var command: [String] {
      let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
      return [me, "count-worker"]
    }
  }
}
