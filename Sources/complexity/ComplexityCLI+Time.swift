import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity time`: sweep a user's own Python snippet.
  struct Time: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Sweep your own Python code over n and print its class.",
      discussion: """
        Either a statement with --setup code that builds the input from n:
          complexity time --setup 'x = list(range(n))' 'x.pop(0); x.append(0)'
        or a file that defines setup(n) and run(x):
          complexity time --file mycode.py
        The statement must leave the input at its size; with --fresh, every call
        gets a new input from the set-up code, built untimed.
        In two variables, --var names the second and its values (the set-up sees
        both; a --file defines setup(n, k)), and --expect takes a formula in both:
          complexity time --var k=64..4096 --setup 'x = list(range(n))' \\
            --expect 'O(n*k)' 'x * k'
        """)

    @Argument(help: "The statement to time; the input built by --setup is in scope.")
    var statement: String?

    @Option(help: "Python code that builds the input from n, run untimed once per size.")
    var setup: String = "pass"

    @Option(
      help:
        "A Python file defining setup(n) and run(x), instead of a statement (with --var k, setup(n, k))."
    )
    var file: String?

    @Flag(help: "Give every call a fresh input from the set-up code, built untimed.")
    var fresh = false

    @Option(help: "The class you expect, e.g. 'O(n)'; exit 1 if the measured one differs.")
    var expect: String?

    @Option(
      name: .customLong("var"),
      help: ArgumentHelp(
        "A second variable and its values, NAME=LOW..HIGH (x4 steps) or NAME=V1,V2,...; "
          + "n=LOW..HIGH sets n's range.", valueName: "NAME=VALUES"))
    var variables: [String] = []

    @Option(help: "The Python interpreter. (default: $PYTHON, then python3)")
    var python: String?

    @Option(help: MetricChoice.help)
    var metric: MetricChoice = .auto

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @OptionGroup var sizes: SizeSelection
    @OptionGroup var timing: TimingSelection
    @OptionGroup var counting: CountingSelection
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if (statement == nil) == (file == nil) {
        throw ValidationError(
          "Give either a statement or --file FILE.py, not both or neither. A statement that "
            + "starts with '-' goes after '--': complexity time --setup 't = set(range(n))' "
            + "-- '-1 in t'")
      }
    }

    /// The statement and its set-up as code to sweep (with `--fresh`,
    /// every call gets a new input from the set-up, built untimed).
    var statementCode: PythonCode {
      PythonCode(
        setup: setup, statement: statement ?? "", restore: fresh ? setup : nil,
        block: fresh ? "1" : nil)
    }

    /// How the runner measures, over `plan`, as the options say.
    func runnerOptions(plan: SizePlan) throws -> Runner.Options {
      Runner.Options(
        plan: plan, timing: try timing.timing(), limits: try timing.limits(), python: python,
        cache: counting.cache, countingWorkers: try counting.jobs())
    }

    func run() throws {
      if !variables.isEmpty { return try runTwoVariables() }
      let expected = try expect.map(ComplexityClass.parse)
      let code = try file.map { try PythonCode.file($0, fresh: fresh) } ?? statementCode
      let id = file.map(PythonCode.opID(forFile:)) ?? "user.snippet"
      let session = try RunSession(
        .operations([.userCode(code, id: id, expected: expected)]),
        options: try runnerOptions(plan: try sizes.plan()), metric: metric)
      let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
      let run = session.run(progress.show)
      let result = run.results[0]
      progress.finish()
      if let failure = result.failure, result.classification == nil {
        // What was measured before it failed is kept: the row, its points
        // (JSON) and its failure, in the format asked for; then exit 3.
        try output.emit(try ResultsReport(run).render(output.format))
        throw ComplexityError(.subject, "\(id) failed: \(failure)")
      }
      try output.emit(try FitReport(result, run: run).render(output.format))
      if result.verdict == .differs { throw ExitCode(1) }
    }
  }
}
