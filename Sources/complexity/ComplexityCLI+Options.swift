import ArgumentParser
import Complexity
import Foundation

extension Format: ExpressibleByArgument {}

/// `--format` and `--output`, on every command that prints results.
struct OutputOptions: ParsableArguments {
  @Option(help: "Output format: table, csv, markdown or json.")
  var format: Format = .table

  @Option(help: "Write the output to this file instead of standard output.")
  var output: String?

  /// Writes `text` to the output file (atomically) or to standard output.
  func emit(_ text: String) throws { try writeOutput(text, to: output) }
}

/// The geometric grid of sizes.
struct SizeSelection: ParsableArguments {
  @Option(name: .customLong("min-size"), help: "Smallest size n.")
  var minimum: Int = 32

  @Option(name: .customLong("max-size"), help: "Largest size n.")
  var maximum: Int = 32_768

  @Option(help: "Sizes per doubling of n.")
  var pointsPerOctave: Int = 2

  func plan() throws -> SizePlan {
    let plan = SizePlan(minimum: minimum, maximum: maximum, pointsPerOctave: pointsPerOctave)
    try plan.validate()
    return plan
  }
}

/// How carefully each size is timed.
struct TimingSelection: ParsableArguments {
  @Option(help: "Samples per size; the fastest is fitted.")
  var repeats: Int = 7

  @Option(help: "Shortest sample, in seconds; loops are calibrated to it.")
  var minSampleTime: Double = 0.001

  @Option(help: "Seconds one operation may take before its sweep stops extending.")
  var budget: Double = 10

  @Option(help: "Memory, in MiB, the timed process may reach (default: a quarter of RAM).")
  var maxMemory: Int?

  /// The budget and `--max-memory` (in bytes), other limits as the library sets them.
  var limits: SweepLimits {
    var limits = SweepLimits(budgetSeconds: budget)
    if let maxMemory { limits.memoryCap = UInt64(maxMemory) << 20 }
    return limits
  }

  func timing() throws -> TimingOptions {
    let t = TimingOptions(repeats: repeats, minimumSampleSeconds: minSampleTime)
    try t.validate()
    return t
  }
}

/// `--format` of `report`: the four text formats, and `html`, one
/// self-contained page with the table and every plot.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case table, csv, markdown, json, html

  /// The text format, or nil for `html`.
  var text: Format? { Format(rawValue: rawValue) }
}

/// Writes `text` to `path` (atomically), or to standard output when nil.
func writeOutput(_ text: String, to path: String?) throws {
  guard let path else {
    FileHandle.standardOutput.write(Data(text.utf8))
    return
  }
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw ComplexityError(
      .badInput, "cannot write \(path): \(error.localizedDescription) (choose a writable path)")
  }
}

/// Writes `text` to standard error.
func warn(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Reads a results JSON file or a journal, with any warning on stderr.
func readResults(_ path: String) throws -> RunResults {
  let (results, warnings) = try ResultsFile.read(path: path)
  for warning in warnings { warn("warning: \(warning)") }
  return results
}
