import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity count-worker`: the process `--metric instructions` runs
  /// under valgrind to count a Swift op in itself. Not for direct use.
  struct CountWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "count-worker",
      abstract: "Count one Swift op's instructions under callgrind (started by sweep --metric).",
      shouldDisplay: false)

    @Option(help: "The Swift op id to count.")
    var op: String

    func run() throws {
      let status = CallgrindSwiftWorker.serve(op: op)
      if status != 0 { throw ExitCode(status) }
    }

    /// The command that runs this worker (the op id is appended): this
    /// very executable, by its absolute path.
    static var command: [String] {
      let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
      return [me, "count-worker", "--op"]
    }
  }
}
