import ArgumentParser
import Complexity
import Foundation

extension Format: ExpressibleByArgument {}

/// `--format` and `--output`, on every command that prints results.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("format"),
    help: ArgumentHelp(
      "Output format: table, csv, markdown or json. (default: the one --output's extension "
        + "names, .json, .csv or .md; else table)", valueName: "format"))
  var givenFormat: Format?

  @Option(help: "Write the output to this file instead of standard output.")
  var output: String?

  /// `--format`, else the format `--output`'s extension names, else a table.
  var format: Format { givenFormat ?? output.flatMap(Format.init(extensionOf:)) ?? .table }

  /// Writes `text` to the output file (atomically) or to standard output.
  func emit(_ text: String) throws { try writeOutput(text, to: output) }

  /// Checks, before any work, that `--output` can be written.
  func check() throws { try output.map { try OutputFile($0).check() } }
}

/// The geometric grid of sizes.
struct SizeSelection: ParsableArguments {
  @Option(name: .customLong("min-size"), help: "Smallest size n. (default: 32)")
  var minimum: Int?

  @Option(name: .customLong("max-size"), help: "Largest size n. (default: 32768)")
  var maximum: Int?

  @Option(help: "Sizes per doubling of n. (default: 2)")
  var pointsPerOctave: Int?

  /// Whether any size option was given (a resumed run refuses them).
  var isGiven: Bool { minimum != nil || maximum != nil || pointsPerOctave != nil }

  func plan() throws -> SizePlan {
    let defaults = SizePlan()
    let plan = SizePlan(
      minimum: minimum ?? defaults.minimum, maximum: maximum ?? defaults.maximum,
      pointsPerOctave: pointsPerOctave ?? defaults.pointsPerOctave)
    try plan.validate()
    return plan
  }
}

/// How carefully each size is timed.
struct TimingSelection: ParsableArguments {
  @Option(help: "Samples per size; the fastest is fitted. (default: 7)")
  var repeats: Int?

  @Option(help: "Shortest sample, in seconds; loops are calibrated to it. (default: 0.001)")
  var minSampleTime: Double?

  /// Whether a sampling option was given (a resumed run refuses them).
  var isGiven: Bool { repeats != nil || minSampleTime != nil }

  @Option(help: "Seconds one operation may take before its sweep stops extending.")
  var budget: Double = 10

  @Option(help: "Memory, in MiB, the timed process may reach (default: a quarter of RAM).")
  var maxMemory: Int?

  /// The budget and `--max-memory` (in bytes), other limits as the library sets them.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a budget that is not a
  ///   positive number of seconds, or a memory cap below 1 MiB.
  func limits() throws -> SweepLimits {
    guard budget.isFinite, budget > 0 else {
      throw ComplexityError(
        .badInput, "--budget \(budget) must be a positive number of seconds, e.g. --budget 10")
    }
    var limits = SweepLimits(budgetSeconds: budget)
    if let maxMemory {
      guard maxMemory >= 1, maxMemory <= Int(ResidentMemory.physical >> 20) else {
        throw ComplexityError(
          .badInput,
          "--max-memory \(maxMemory) must be between 1 and \(ResidentMemory.physical >> 20) MiB "
            + "(this machine's memory)")
      }
      limits.memoryCap = UInt64(maxMemory) << 20
    }
    return limits
  }

  func timing() throws -> TimingOptions {
    let defaults = TimingOptions()
    let t = TimingOptions(
      repeats: repeats ?? defaults.repeats,
      minimumSampleSeconds: minSampleTime ?? defaults.minimumSampleSeconds)
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

/// Writes `text` to `path` (`OutputFile`), or to standard output when nil.
func writeOutput(_ text: String, to path: String?) throws {
  guard let path else { return try OutputFile.standardOutput(text) }
  try OutputFile(path).write(text)
}

/// Writes `text` to standard error (where nothing can be done if it fails).
func warn(_ text: String) {
  try? FileHandle.standardError.write(
    contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Reads a results JSON file or a journal, with any warning on stderr.
func readResults(_ path: String) throws -> RunResults {
  let (results, warnings) = try ResultsFile.read(path: path)
  for warning in warnings { warn("warning: \(warning)") }
  return results
}
