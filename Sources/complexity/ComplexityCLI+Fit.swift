import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity fit FILE.csv`: classify recorded timings.
  struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fit recorded timings (CSV with columns n,seconds) and print the class.",
      discussion: """
        With --two-variables the CSV has three columns, two sizes and a cost (a header such as
        n,k,seconds or len(s),len(t),instructions), and the fit chooses among formulas in both:
        each variable alone, their sum, product, min, max, or neither; --expect then takes a
        formula in the header's names, e.g. 'O(len(s)+len(t))' or 'O(nk)'.
        """)

    @Argument(help: "A CSV file with a header n,seconds and one sample per line.")
    var file: String

    @Option(help: "The documented class to compare with, e.g. 'O(n)'; exit 1 if it differs.")
    var expect: String?

    @Flag(help: "The file holds two sizes and a cost per line (x,y,cost).")
    var twoVariables = false

    @OptionGroup var output: OutputOptions

    func run() throws {
      if twoVariables { return try fitTwoVariables() }
      let documented = try expect.map(ComplexityClass.parse)
      let points = try PointsFile.read(path: file)
      let classification = try Classifier().classify(points)
      let result = OperationResult(
        op: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
        documented: documented, classification: classification, points: points, seconds: 0)
      let sizes = points.map(\.n)
      var run = RunResults(
        python: nil,
        plan: SizePlan(
          minimum: sizes.min() ?? 1, maximum: sizes.max() ?? 1, pointsPerOctave: 1),
        timing: TimingOptions(), results: [result])
      run.command = "fit"
      let report = FitReport(result, run: run)
      try output.emit(try report.render(output.format))
      if result.verdict == .differs { throw ExitCode(1) }
    }
  }
}

extension ComplexityCLI.Fit {
  /// `fit --two-variables`: the formula in the file's two variables.
  func fitTwoVariables() throws {
    let (names, points) = try TwoVariablePointsFile.read(path: file)
    let documented = try expect.map {
      try TwoVariableModel.parsed($0, names.0, names.1, what: "--expect ")
    }
    let classification = try TwoVariableClassifier().classify(points)
    let report = TwoVariableReport(
      classification: classification, names: names, documented: documented,
      points: points.count)
    try output.emit(try report.render(output.format))
    if report.verdict == .differs { throw ExitCode(1) }
  }
}
