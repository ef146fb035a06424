import Foundation

extension Journal {
  /// What a journal holds: the run so far, and what was wrong with its end.
  package struct Contents: Sendable {
    /// The header line.
    package var header: Header
    /// The run with every complete operation line, in the order written; an
    /// operation written twice (a resumed run that repeated it) counts once,
    /// at its latest line.
    package var results: RunResults
    /// Problems that lose nothing but the op in progress, for stderr.
    package var warnings: [String]
    /// What `Journal.resume` must fix before appending; nil when the file
    /// ends with a whole line.
    var repair: Repair?

    /// How to make a journal's end whole again.
    enum Repair: Equatable {
      /// Cut the file to this many bytes, dropping a line cut short.
      case truncate(Int)
      /// The last line is whole but its newline is missing: add one.
      case addNewline
    }

    /// The operations among `operations` the journal has no result for.
    package func missing(from operations: [Operation]) -> [Operation] {
      let done = Set(results.results.map(\.op))
      return operations.filter { !done.contains($0.id) }
    }

    /// Checks that a resumed run times in the same interpreter as the
    /// journal's, so one run never mixes two Pythons.
    ///
    /// - Throws: `ComplexityError(.badInput, …)` naming both interpreters.
    package func check(interpreter: PythonInterpreter?) throws {
      guard let mine = header.python, let theirs = interpreter else { return }
      guard mine.version != theirs.version || mine.implementation != theirs.implementation
      else { return }
      throw ComplexityError(
        .badInput,
        "the journal was measured with \(mine.implementation) \(mine.version) (\(mine.path)), "
          + "this run would use \(theirs.implementation) \(theirs.version) (\(theirs.path)): "
          + "pass --python \(mine.path), or start a new run without --resume")
    }
  }

  /// Reads a journal.
  ///
  /// A last line without its newline is a write cut short by a kill: it is
  /// left out with a warning. Any other line that does not read as an
  /// operation's result means the file is not (or no longer) a journal.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a missing or empty file,
  ///   a first line that is not a journal header, another journal version,
  ///   or a bad line before the last.
  package static func read(path: String) throws -> Contents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(
        .badInput,
        "no such file: \(path) (give the FILE.jsonl journal a sweep with --output FILE wrote)")
    }
    return try read(data, path: path)
  }

  /// The lines of a JSON Lines file, and whether its last is cut short
  /// (no newline after it: a write stopped by a kill).
  static func lines(of data: Data) -> (lines: [Data.SubSequence], isCut: Bool) {
    let newline = UInt8(ascii: "\n")
    var lines = data.split(separator: newline, omittingEmptySubsequences: false)
    // A complete file ends in a newline, which leaves one empty piece.
    let isCut = data.last != newline && !data.isEmpty
    if !isCut { lines.removeLast() }
    return (lines, isCut)
  }

  /// Whether a line holds nothing but white space.
  static func isBlank(_ line: Data.SubSequence) -> Bool {
    line.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 }
  }

  static func read(_ data: Data, path: String) throws -> Contents {
    let (lines, isCut) = Self.lines(of: data)
    guard let first = lines.first, !isBlank(first) else {
      throw ComplexityError(
        .badInput,
        "\(path) is empty: it is not a complexity journal (start a new run without --resume)")
    }
    let header: Header
    do {
      header = try readHeader(Data(first), path: path)
    } catch let error as ComplexityError
      where isCut && lines.count == 1 && first.first == UInt8(ascii: "{")
    {
      // Only a cut header: the run was killed as it started.
      _ = error
      throw ComplexityError(
        .badInput,
        "\(path) has no complete header line (the run was stopped as it started): "
          + "start a new run without --resume")
    }
    var results = header.run
    let (entries, warnings, repair) = try Self.entries(
      OperationResult.self, after: lines, isCut: isCut, fileSize: data.count, path: path,
      unit: "op", kind: "an operation's result", op: \.op)
    results.results = entries
    return Contents(
      header: header, results: results, warnings: warnings, repair: repair)
  }

  /// The lines after a journal's header, each decoded as an `Entry` of
  /// one op: an op written twice counts once, at its latest line, in the
  /// order it was first written. A last line cut short (`isCut`: a write
  /// stopped by a kill) is left out, with a warning and the repair that
  /// removes it; any other line that does not decode means the journal is
  /// damaged.
  ///
  /// - Parameters:
  ///   - unit: what an entry measures, for the warning (`op`, `row`).
  ///   - kind: what an entry is, for the error (`an operation's result`).
  /// - Throws: `ComplexityError(.badInput, …)` naming the damaged line.
  static func entries<Entry: Decodable>(
    _ type: Entry.Type, after lines: [Data.SubSequence], isCut: Bool, fileSize: Int,
    path: String, unit: String, kind: String, op: (Entry) -> String
  ) throws -> (entries: [Entry], warnings: [String], repair: Contents.Repair?) {
    var warnings: [String] = []
    var repair: Contents.Repair? = isCut ? .addNewline : nil
    var order: [String] = []
    var byOp: [String: Entry] = [:]
    for (index, line) in lines.enumerated().dropFirst() {
      let number = index + 1
      if isBlank(line) { continue }
      do {
        let entry = try decoder.decode(Entry.self, from: Data(line))
        if byOp[op(entry)] == nil { order.append(op(entry)) }
        byOp[op(entry)] = entry
      } catch {
        if isCut && index == lines.count - 1 {
          repair = .truncate(fileSize - line.count)
          warnings.append(
            "\(path): line \(number) is cut short (the run was stopped while writing it); "
              + "its \(unit) is left out and will run again on --resume")
          continue
        }
        throw ComplexityError(
          .badInput,
          "\(path) line \(number) is not \(kind) (\(Self.reason(error))): "
            + "the journal is damaged; fix or delete that line, or start a new run")
      }
    }
    return (order.map { byOp[$0]! }, warnings, repair)
  }

  // MARK: - Implementation details

  private static func readHeader(_ line: Data, path: String) throws -> Header {
    let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
    guard let object, object["journal"] as? String == marker else {
      let hint =
        (try? JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])) == nil
        ? "its first line is not a JSON object" : "its first line is not a journal header"
      throw ComplexityError(
        .badInput,
        "\(path) is not a complexity journal: \(hint) (give the FILE.jsonl a sweep with "
          + "--output FILE wrote; a results .json file is read by report and compare)")
    }
    if let version = object["version"] as? Int, version != currentVersion {
      throw ComplexityError(
        .badInput,
        "\(path) is a version \(version) journal; this tool reads version \(currentVersion)")
    }
    do {
      return try decoder.decode(Header.self, from: line)
    } catch {
      throw ComplexityError(
        .badInput, "\(path) has a damaged journal header (\(reason(error))): start a new run")
    }
  }

  /// A decoding error in a few words.
  static func reason(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? "not a JSON object" : "a wrong or missing value at '\(path)'"
    case DecodingError.dataCorrupted(let context):
      if context.underlyingError != nil || context.debugDescription.contains("not valid JSON") {
        return "not valid JSON"
      }
      return context.debugDescription
    default: return "\(error)"
    }
  }
}
