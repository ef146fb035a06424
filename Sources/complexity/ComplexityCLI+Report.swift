import ArgumentParser
import Complexity

extension ComplexityCLI {
  /// `complexity report RESULTS.json`: renders saved results again.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render saved results (from sweep --format json) as a table, CSV, markdown or JSON.")

    @Argument(help: "A results file written by complexity sweep --format json.")
    var results: String

    @OptionGroup var output: OutputOptions

    func run() throws {
      let results = try RunResults.read(path: results)
      try output.emit(try ResultsReport(results).render(output.format))
    }
  }
}
