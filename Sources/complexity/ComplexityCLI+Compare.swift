import ArgumentParser
import Complexity

extension ComplexityCLI {
  /// `complexity compare A.json B.json`: two runs, op by op.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two runs op by op: the class and the cost in each, and what changed.",
      discussion: """
        For two Python versions, CPython against PyPy, or a run before and after a
        change. Each op shows the class measured in A and in B, both fitted times at
        the largest size both measured, and their ratio B/A (above 1: B is slower).
        A class has changed when the two outcomes have no class in common; an
        inconclusive outcome that includes the other run's class is 'unsettled'.
        Exit status: 0 when no class changed, 1 when one did, 2 for bad input.
        """)

    @Argument(help: "The first run: results JSON from sweep --format json, or a .jsonl journal.")
    var a: String

    @Argument(help: "The second run, compared with the first.")
    var b: String

    @OptionGroup var output: OutputOptions

    func run() throws {
      switch (try GridRowsFile.rows(path: a), try GridRowsFile.rows(path: b)) {
      case (let left?, let right?):
        let comparison = GridRowsComparison(left, right, labels: (a, b))
        try output.emit(try GridRowsComparisonReport(comparison).render(output.format))
        if comparison.exitStatus != 0 { throw ExitCode(comparison.exitStatus) }
        return
      case (nil, nil): break
      default:
        throw ComplexityError(
          .badInput,
          "one of \(a) and \(b) holds rows in two variables (sweep --two-variables, time --var) and the "
            + "other does not: compare like with like")
      }
      let comparison = Comparison(try readResults(a), try readResults(b), labels: (a, b))
      try output.emit(try ComparisonReport(comparison).render(output.format))
      if comparison.exitStatus != 0 { throw ExitCode(comparison.exitStatus) }
    }
  }
}
