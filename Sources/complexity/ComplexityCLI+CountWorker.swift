import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity count-worker`: the process `--metric instructions` runs
  /// under valgrind to count Swift ops in itself, and `--metric memory`
  /// with the counting allocator preloaded (`--memory`). Not for direct use.
  struct CountWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "count-worker",
      abstract: "Count Swift ops' instructions or bytes (started by sweep --metric).",
      shouldDisplay: false)

    @Flag(help: "Count bytes allocated (the counting allocator preloaded), not instructions.")
    var memory = false

    func run() throws {
      let status = SwiftWorker.serve(metric: memory ? .memory : .instructions)
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
