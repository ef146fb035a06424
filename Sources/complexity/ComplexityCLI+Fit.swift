import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI {
  /// `complexity fit FILE.csv`: classify recorded timings.
  struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fit recorded timings (CSV with columns n,seconds) and print the class.")

    @Argument(help: "A CSV file with a header n,seconds and one sample per line.")
    var file: String

    @Option(help: "The documented class to compare with, e.g. 'O(n)'; exit 1 if it differs.")
    var expect: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
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
