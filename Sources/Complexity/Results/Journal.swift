import Foundation

/// A run written as it goes: JSON Lines, one header line, then one
/// `OperationResult` per line, appended as each operation finishes.
///
///     {"journal":"complexity","version":1,"ops":["list.pop0",…],"plan":{…},…}
///     {"op":"list.pop0","documented":"O(n)","measured":"O(n)",…}
///     {"op":"list.clear",…}
///
/// Each line is written with a single `write`, so killing the process loses
/// at most the line being written; `Journal.read` then reads every complete
/// line and warns about the cut one. `sweep --resume` reopens a journal,
/// runs only the operations it lacks, and appends them.
package struct Journal: Sendable {
  /// The first line: what the run was asked to do, and on what.
  package struct Header: Codable, Sendable, Equatable {
    /// Always `complexity`: marks the file as a journal, so a foreign JSON
    /// Lines file is refused rather than misread.
    package var journal = Journal.marker
    /// The journal format version; readers refuse any other.
    package var version = Journal.currentVersion
    /// The operations the run was asked for, in order.
    package var ops: [String]
    package var python: PythonInterpreter?
    package var machine: Machine
    /// When the run started (ISO 8601).
    package var started: String
    package var plan: SizePlan
    package var timing: TimingOptions
    /// The metric the run was started with; nil in journals written
    /// before it was recorded.
    package var metric: MetricChoice?

    /// The header of a run about to start.
    package init(_ run: RunResults, ops: [String]) {
      self.ops = ops
      python = run.python
      machine = run.machine
      started = run.started
      plan = run.plan
      timing = run.timing
    }

    /// The run the header describes, with no results yet.
    package var run: RunResults {
      var r = RunResults(python: python, machine: machine, plan: plan, timing: timing)
      r.started = started
      return r
    }
  }

  static let marker = "complexity"
  /// The journal format version this tool writes and reads.
  package static let currentVersion = 1

  /// The journal's file.
  package let path: String

  /// Starts a journal, replacing any file at `path`, with its header line.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be written.
  package static func create(path: String, header: Header) throws -> Journal {
    let journal = Journal(path: path)
    do {
      try (try line(header)).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch let error as ComplexityError {
      throw error
    } catch {
      throw ComplexityError(
        .badInput,
        "cannot write the journal \(path): \(error.localizedDescription) (choose a writable --output)"
      )
    }
    return journal
  }

  /// Reopens a journal to add to it. A line cut short by a kill is removed
  /// from the file first (and reported in the contents' warnings), so the
  /// next line appended starts on a line of its own.
  ///
  /// - Throws: what `read(path:)` throws, or `ComplexityError(.badInput, …)`
  ///   when the file cannot be shortened.
  package static func resume(path: String) throws -> (journal: Journal, contents: Contents) {
    let contents = try read(path: path)
    if let repair = contents.repair { try Self.apply(repair, to: path) }
    return (Journal(path: path), contents)
  }

  /// Makes a journal's end whole again before lines are appended to it.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be changed.
  static func apply(_ repair: Contents.Repair, to path: String) throws {
    do {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      switch repair {
      case .truncate(let length): try handle.truncate(atOffset: UInt64(length))
      case .addNewline:
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
      }
    } catch {
      throw ComplexityError(
        .badInput, "cannot repair the journal \(path): \(error.localizedDescription)")
    }
  }

  /// Appends one finished operation as a line.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be written.
  package func append(_ result: OperationResult) throws {
    try Self.append(line: try Self.line(result), to: path)
  }

  /// Appends one line to the journal at `path`, in one write.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be written.
  static func append(line data: Data, to path: String) throws {
    do {
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      try handle.seekToEnd()
      // One write per line: a kill can cut it short but never interleave it.
      try handle.write(contentsOf: data)
    } catch {
      throw ComplexityError(
        .badInput, "cannot append to the journal \(path): \(error.localizedDescription)")
    }
  }

  /// The journal kept beside a results file: `FILE.jsonl` next to `FILE`.
  package static func path(besideOutput output: String) -> String { output + ".jsonl" }

  // MARK: - Implementation details

  /// One compact JSON line, with the same float spelling as the results JSON.
  static func line<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(value) + Data("\n".utf8)
  }

  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }
}
