import Foundation

/// The journal of a `sweep --two-variables` run: JSON Lines beside
/// `--output FILE` (`FILE.jsonl`), a header line, then one finished row
/// (`GridRows.Row`) per line, appended as each row finishes, with the
/// one-variable `Journal`'s line discipline (one write per line; a line cut
/// short by a kill is left out with a warning, and removed before the
/// next append).
///
///     {"journal":"complexity-grid-rows","version":1,"ops":["list.getslice",…],"metric":"auto",…}
///     {"op":"list.getslice","documented":"O(k)","report":{…},"seconds":3.1}
///
/// `sweep --two-variables --resume FILE.jsonl` sweeps only the rows it lacks.
package struct GridJournal: Sendable {
  /// The first line: what the run was asked to do.
  package struct Header: Codable, Sendable, Equatable {
    /// Always `complexity-grid-rows`: a one-variable journal, or any other
    /// JSON Lines file, is refused rather than misread.
    package var journal = GridJournal.marker
    package var version = GridJournal.currentVersion
    /// The rows the run was asked for, in order.
    package var ops: [String]
    package var metric: MetricChoice
    /// When the run started (ISO 8601).
    package var started: String

    package init(ops: [String], metric: MetricChoice, started: Date = Date()) {
      self.ops = ops
      self.metric = metric
      self.started = ISO8601DateFormatter().string(from: started)
    }
  }

  /// What a journal holds.
  package struct Contents {
    package var header: Header
    /// Every complete row, in the order written; a row written twice counts
    /// once, at its latest line.
    package var rows: [GridRows.Row]
    /// Problems that lose nothing but the row in progress, for stderr.
    package var warnings: [String]
    var repair: Journal.Contents.Repair?
  }

  static let marker = "complexity-grid-rows"
  package static let currentVersion = 1

  /// The journal's file.
  package let path: String

  /// Starts a journal, replacing any file at `path`, with its header line.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be written.
  package static func create(path: String, header: Header) throws -> GridJournal {
    do {
      try Journal.line(header).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw ComplexityError(
        .badInput,
        "cannot write the journal \(path): \(error.localizedDescription) (choose a writable --output)"
      )
    }
    return GridJournal(path: path)
  }

  /// Reopens a journal to add to it, its end made whole first.
  ///
  /// - Throws: what `read(path:)` throws, or when the file cannot be repaired.
  package static func resume(path: String) throws -> (journal: GridJournal, contents: Contents) {
    let contents = try read(path: path)
    if let repair = contents.repair { try Journal.apply(repair, to: path) }
    return (GridJournal(path: path), contents)
  }

  /// Appends one finished row as a line.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file cannot be written.
  package func append(_ row: GridRows.Row) throws {
    try Journal.append(line: try Journal.line(row), to: path)
  }

  /// The rows of the journal at `path`, or nil when it is not a
  /// two-variable journal (another file `--baseline` may read).
  ///
  /// - Throws: what `read(path:)` throws for a two-variable journal that
  ///   cannot be read.
  package static func rows(path: String) throws -> [GridRows.Row]? {
    guard let data = FileManager.default.contents(atPath: path),
      let first = Journal.lines(of: data).lines.first,
      let object = try? JSONSerialization.jsonObject(with: Data(first)) as? [String: Any],
      object["journal"] as? String == marker
    else { return nil }
    return try read(path: path).rows
  }

  /// Reads a journal.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a missing or empty file,
  ///   a first line that is not this journal's header (a one-variable
  ///   journal says so), another version, or a bad line before the last.
  package static func read(path: String) throws -> Contents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(
        .badInput,
        "no such file: \(path) (give the FILE.jsonl journal that sweep --two-variables "
          + "--output FILE wrote)")
    }
    let (lines, isCut) = Journal.lines(of: data)
    guard let first = lines.first, !Journal.isBlank(first),
      let object = try? JSONSerialization.jsonObject(with: Data(first)) as? [String: Any]
    else {
      throw ComplexityError(
        .badInput,
        "\(path) is not the journal of a two-variable run: its first line is not a JSON "
          + "object (give the FILE.jsonl that sweep --two-variables --output FILE wrote)")
    }
    guard object["journal"] as? String == marker else {
      let oneVariable = object["journal"] as? String == Journal.marker
      throw ComplexityError(
        .badInput,
        "\(path) is not the journal of a two-variable run"
          + (oneVariable
            ? ": it is a one-variable sweep's journal (resume it without --two-variables)"
            : ": its first line is not its header (give the FILE.jsonl that sweep "
              + "--two-variables --output FILE wrote)"))
    }
    if let version = object["version"] as? Int, version != currentVersion {
      throw ComplexityError(
        .badInput,
        "\(path) is a version \(version) journal of two-variable rows; this tool reads "
          + "version \(currentVersion)")
    }
    let header: Header
    do {
      header = try Journal.decoder.decode(Header.self, from: Data(first))
    } catch {
      throw ComplexityError(
        .badInput,
        "\(path) has a damaged journal header (\(Journal.reason(error))): start a new run")
    }
    let (rows, warnings, repair) = try Journal.entries(
      GridRows.Row.self, after: lines, isCut: isCut, fileSize: data.count, path: path,
      unit: "row", kind: "a two-variable row", op: \.op)
    return Contents(header: header, rows: rows, warnings: warnings, repair: repair)
  }
}
