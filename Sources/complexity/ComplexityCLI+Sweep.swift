import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity sweep`: time operations, fit them, compare with the docs.
  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Time operations over a range of sizes, fit their class, compare with the docs.",
      discussion: """
        With no --op, runs the whole catalog. With --output, the file is rewritten
        as each operation finishes, so an interrupted run keeps what it measured.
        """)

    @Option(name: .customLong("op"), help: "An op id or glob ('set.*'); repeatable. (default: all)")
    var ops: [String] = []

    @Option(help: "The Python interpreter to time CPython ops in. (default: $PYTHON, then python3)")
    var python: String?

    @Flag(help: "Random positions across the container instead of one hot key.")
    var cold = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @OptionGroup var sizes: SizeSelection
    @OptionGroup var timing: TimingSelection
    @OptionGroup var output: OutputOptions

    func run() throws {
      let operations = try Catalog.standard.select(ops)
      let sweep = Complexity.Sweep(plan: try sizes.plan(), timing: try timing.timing())
      let runner = Runner(options: Runner.Options(sweep: sweep, python: python, cold: cold))
      if operations.contains(where: { $0.subject == .python }) {
        try runner.preparePython()
      }
      var results = RunResults(
        python: runner.interpreter, plan: sweep.plan, timing: sweep.timing)
      let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
      _ = runner.run(operations) { event in
        progress.show(event)
        if case .finishOperation(let result, _, _) = event {
          results.results.append(result)
          // Write as we go: an interrupted run keeps every finished op.
          if output.output != nil {
            try? output.emit(try ResultsReport(results).render(output.format))
          }
        }
      }
      progress.finish()
      try output.emit(try ResultsReport(results).render(output.format))
      if results.exitStatus != 0 { throw ExitCode(results.exitStatus) }
    }
  }
}
