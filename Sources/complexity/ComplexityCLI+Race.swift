import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity race`: several implementations of one job, side by side.
  struct Race: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Race implementations of one job over n: each one's class, and how much faster.",
      discussion: """
        From a recipe file (JSON; see examples/races/):
          complexity race examples/races/build-list.json
        or inline, with a shared set-up and one -s NAME=STATEMENT per implementation
        (\\n in a statement starts a new line):
          complexity race --setup 'pass' -s loop='a = []\\nfor i in range(n): a.append(i)' \\
            -s comp='[i for i in range(n)]' --min-size 1000 --max-size 100000
        The implementations are timed interleaved: each round visits the sizes in a
        shuffled order and, at each size, every implementation in a shuffled order.
        Exit status: 0 when every implementation was timed, 1 when one could not be
        classified, 2 for a bad recipe, a missing interpreter or module, or a failure.
        """)

    @Argument(help: "A recipe file (JSON). Without it, give -s at least twice.")
    var recipe: String?

    @Option(
      name: [.customShort("s"), .customLong("impl")],
      help: "An implementation, NAME=STATEMENT (repeatable; inline form).")
    var implementations: [String] = []

    @Option(help: "Python code that builds the input from n, untimed (inline form).")
    var setup: String = "pass"

    @Option(help: "Python code run once per interpreter, untimed: imports, pools (inline form).")
    var once: String?

    @Option(help: "A module the implementations import, e.g. numpy (repeatable; inline form).")
    var requires: [String] = []

    @Option(name: .customLong("min-size"), help: "Smallest n (default: the recipe's, else 1000).")
    var minimum: Int?

    @Option(name: .customLong("max-size"), help: "Largest n (default: the recipe's, else 100000).")
    var maximum: Int?

    @Option(help: "Sizes per doubling of n (default: the recipe's, else 1).")
    var pointsPerOctave: Int?

    @Option(help: "Samples per implementation and size (default: the recipe's, else 7).")
    var repeats: Int?

    @Option(help: "Shortest sample, in seconds; loops are calibrated to it.")
    var minSampleTime: Double = 0.001

    @Option(help: "The Python interpreter. (default: $PYTHON, then python3)")
    var python: String?

    @Option(help: "Also draw the race: an .svg file, or an .html page with the table.")
    var plot: String?

    @Flag(help: "Print only the summary lines (the full report still goes to --output).")
    var summary = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Option(
      help: ArgumentHelp(
        "time: seconds per call, interleaved; instructions: counted under valgrind's callgrind; memory: peak bytes per call (tracemalloc); allocated: bytes per call in all.",
        discussion: """
          Counts do not depend on the machine's load, so the ratios repeat exactly; they \
          are blind to cache misses, and to work in child processes. Scaling races are \
          time only.
          """))
    var metric: Metric = .time

    @OptionGroup var output: OutputOptions

    func validate() throws {
      if recipe != nil && !implementations.isEmpty {
        throw ValidationError("Give a recipe file or -s NAME=STATEMENT options, not both.")
      }
      if recipe == nil && implementations.count < 2 {
        throw ValidationError("Give a recipe file, or at least two -s NAME=STATEMENT options.")
      }
    }

    func run() throws {
      try output.check()
      if let plot {
        guard plot.hasSuffix(".svg") || plot.hasSuffix(".html") else {
          throw ComplexityError(
            .badInput, "--plot \(plot): the plot is SVG; name it .svg, or .html for a page")
        }
        try OutputFile(plot).check()
      }
      var recipe = try self.recipe.map { try RaceRecipe.load(path: $0) } ?? inlineRecipe()
      if minimum != nil || maximum != nil || pointsPerOctave != nil {
        var plan = SizePlan(minimum: 1000, maximum: 100_000, pointsPerOctave: 1)
        if case .plan(let given) = recipe.sizes { plan = given }
        plan.minimum = minimum ?? plan.minimum
        plan.maximum = maximum ?? plan.maximum
        plan.pointsPerOctave = pointsPerOctave ?? plan.pointsPerOctave
        recipe.sizes = .plan(plan)
      }
      if let repeats { recipe.repeats = repeats }
      try recipe.validate()
      let timing = TimingOptions(minimumSampleSeconds: minSampleTime)
      try timing.validate()
      let showProgress = !quiet && isatty(STDERR_FILENO) != 0
      let race = Complexity.Race(recipe: recipe, timing: timing)
      let result = try race.run(python: python, metric: metric) { event in
        guard showProgress else { return }
        switch event {
        case .startSize(let n, let i, let of):
          warnInline("\(recipe.name): calibrating \(recipe.variable)=\(n) (\(i + 1)/\(of))")
        case .startRound(let i, let of):
          warnInline("\(recipe.name): round \(i + 1) of \(of)")
        case .finishSize: break
        }
      }
      if showProgress { warnInline("") }
      let report = RaceReport(result)
      if summary {
        try OutputFile.standardOutput(report.summary())
        if output.output != nil { try output.emit(try report.render(output.format)) }
      } else {
        try output.emit(try report.render(output.format))
      }
      if let plot {
        let chart = RaceChart(result)
        try writeOutput(plot.hasSuffix(".html") ? try chart.html() : chart.render(), to: plot)
      }
      if result.entries.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }

    /// The recipe of the inline form.
    private func inlineRecipe() throws -> RaceRecipe {
      let impls = try implementations.map { text -> RaceRecipe.Implementation in
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
          throw ComplexityError(
            .badInput, "-s '\(text)': give NAME=STATEMENT, e.g. -s comp='[i for i in range(n)]'")
        }
        let statement = String(text[text.index(after: eq)...])
          .replacingOccurrences(of: "\\n", with: "\n")
        return RaceRecipe.Implementation(name: String(text[..<eq]), statement: statement)
      }
      return RaceRecipe(
        name: impls.map(\.name).joined(separator: " vs "),
        requires: requires.map(RaceRecipe.Requirement.init),
        once: once?.replacingOccurrences(of: "\\n", with: "\n"),
        setup: setup.replacingOccurrences(of: "\\n", with: "\n"), implementations: impls,
        sizes: .plan(SizePlan(minimum: 1000, maximum: 100_000, pointsPerOctave: 1)))
    }
  }
}

extension Metric: ExpressibleByArgument {}

/// Rewrites the current line of standard error (progress).
private func warnInline(_ text: String) {
  try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[2K" + text).utf8))
}
