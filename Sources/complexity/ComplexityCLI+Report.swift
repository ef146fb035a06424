import ArgumentParser
import Complexity

extension ComplexityCLI {
  /// `complexity report RESULTS.json`: renders saved results again.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render saved results as a table, CSV, markdown, JSON or an HTML page with plots.",
      discussion: """
        Reads the JSON a sweep writes with --format json, or its FILE.jsonl journal
        (also one cut short by an interrupted run). --format html writes one
        self-contained page: the table, the flagged rows explained, and a log-log
        plot of every op; --plot DIR writes each plot as an SVG file too.
        """)

    @Argument(
      help: "A results file written by complexity sweep --format json, or its .jsonl journal.")
    var results: String

    @Option(help: "Output format: table, csv, markdown, json, or html (a page with every plot).")
    var format: ReportFormat = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(
      help: ArgumentHelp(
        "Also write one SVG plot per op and index.html (the HTML page) into this folder.",
        valueName: "dir"))
    var plot: String?

    func run() throws {
      if let rows = try GridRowsFile.rows(path: results) {
        guard let text = format.text else {
          throw ComplexityError(
            .badInput,
            "rows in two variables have no HTML page: use --format table, csv, markdown or json, "
              + "or sweep --two-variables --plot DIR for their plots")
        }
        try writeOutput(try GridRowsReport(rows).render(text), to: output)
        return
      }
      if let runs = try ResultsFile.readSideBySide(path: results) {
        if let plot { try PlotFolder.write(runs, to: plot) }
        let report = SideBySideReport(runs)
        let folders = PlotFolder.folders(of: runs).map { folder in
          plot.map { "\($0)/\(folder)" } ?? folder
        }
        try writeOutput(
          try format.text.map { try report.render($0) } ?? report.html(folders: folders), to: output
        )
        return
      }
      let results = try readResults(results)
      if let plot { try PlotFolder.write(results, to: plot) }
      let text =
        try format.text.map { try ResultsReport(results).render($0) }
        ?? HTMLReport(results).render()
      try writeOutput(text, to: output)
    }
  }
}
