import ArgumentParser
import Complexity
import Foundation

extension Format: ExpressibleByArgument {}

/// `--format` and `--output`, on every command that prints results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: table, csv, markdown or json. (default: table)")
  var format: Format = .table

  @Option(help: "Write the output to this file instead of standard output.")
  var output: String?

  /// Writes `text` to the output file (atomically) or to standard output.
  func emit(_ text: String) throws {
    guard let output else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    } catch {
      throw ComplexityError(
        .badInput, "cannot write \(output): \(error.localizedDescription) (choose a writable path)")
    }
  }
}

/// The geometric grid of sizes.
struct SizeSelection: ParsableArguments {
  @Option(name: .customLong("min-size"), help: "Smallest size n. (default: 32)")
  var minimum: Int = 32

  @Option(name: .customLong("max-size"), help: "Largest size n. (default: 32768)")
  var maximum: Int = 32_768

  @Option(help: "Sizes per doubling of n. (default: 2)")
  var pointsPerOctave: Int = 2

  func plan() throws -> SizePlan {
    let plan = SizePlan(minimum: minimum, maximum: maximum, pointsPerOctave: pointsPerOctave)
    try plan.validate()
    return plan
  }
}

/// How carefully each size is timed.
struct TimingSelection: ParsableArguments {
  @Option(help: "Samples per size; the fastest is fitted. (default: 7)")
  var repeats: Int = 7

  @Option(help: "Shortest sample, in seconds; loops are calibrated to it. (default: 0.001)")
  var minSampleTime: Double = 0.001

  func timing() throws -> TimingOptions {
    let t = TimingOptions(repeats: repeats, minimumSampleSeconds: minSampleTime)
    try t.validate()
    return t
  }
}
