import Foundation

/// What one callgrind output file says about itself: its header and its
/// total counts.
///
/// A file (`callgrind.out.PID`, or `callgrind.out.PID.N` for the Nth dump
/// of a run) opens with a header of `key: value` lines, then the cost of
/// each function, then `totals:`:
///
///     # callgrind format
///     version: 1
///     creator: callgrind-3.19.0
///     cmd:  /usr/bin/python3.11 -u harness.py
///     part: 19
///     desc: Trigger: --dump-before=getppid
///     events: Ir
///     summary: 131503
///     …
///     totals: 131503
///
/// Only the header and the totals are read: the sum over every function
/// is what a sweep needs. Cachegrind's files share the header keys
/// (`events:`, `summary:`), so they read too.
package struct CallgrindOutput: Sendable, Equatable {
  /// `creator:`, e.g. `callgrind-3.19.0`.
  package var creator: String?
  /// `cmd:`: the program and its arguments.
  package var command: String?
  /// `pid:`.
  package var pid: Int?
  /// `part:`: which dump of the run this is (1, 2, …).
  package var part: Int?
  /// What made callgrind write the file, from `desc: Trigger: …`
  /// (`--dump-before=getppid`, `Program termination`).
  package var trigger: String?
  /// The event names, from `events:` (`Ir`, or `Ir Dr Dw …` with cache
  /// simulation).
  package var events: [String]
  /// One total per event: `totals:`, else `summary:`. A count the file
  /// leaves off at the end of the line is zero, as the format says.
  package var totals: [UInt64]

  package init(
    creator: String? = nil, command: String? = nil, pid: Int? = nil, part: Int? = nil,
    trigger: String? = nil, events: [String], totals: [UInt64]
  ) {
    self.creator = creator
    self.command = command
    self.pid = pid
    self.part = part
    self.trigger = trigger
    self.events = events
    self.totals = totals
  }

  /// Reads the file at `path`.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the file is missing or
  ///   is not callgrind output (see `init(parsing:source:)`).
  package static func read(path: String) throws -> CallgrindOutput {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(.subject, "no callgrind output at \(path)")
    }
    return try CallgrindOutput(bytes: Array(data)[...], source: path)
  }

  /// Parses the text of a callgrind output file.
  ///
  /// - Parameter source: what to call the text in errors (its path).
  /// - Throws: `ComplexityError(.subject, …)` when the text has no
  ///   `events:` line, no `totals:` or `summary:` line, or a count that is
  ///   not a number.
  package init(parsing text: String, source: String = "callgrind output") throws {
    try self.init(bytes: Array(text.utf8)[...], source: source)
  }

  /// Parses a callgrind output file's bytes, line by line as bytes: only
  /// header lines (`key: value`, the key a word) are decoded as strings.
  /// The tool reads one dump per sample, a few hundred lines of costs and
  /// names, while its worker waits: parsing every line as a Swift string
  /// took about 3 ms a dump on the project's Xeon, as long as callgrind's
  /// own dump.
  init(bytes: ArraySlice<UInt8>, source: String) throws {
    var events: [String]?
    var summary: [UInt64]?
    var totals: [UInt64]?
    var sawHeader = false
    creator = nil; command = nil; pid = nil; part = nil; trigger = nil
    for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      guard let (key, value) = Self.headerLine(raw) else { continue }
      switch key {
      case "version", "creator", "positions": sawHeader = true
      default: break
      }
      switch key {
      case "creator": creator = value
      case "cmd": command = value
      case "pid": pid = Int(value)
      case "part": part = Int(value)
      case "desc":
        if value.hasPrefix("Trigger:") {
          trigger = value.dropFirst("Trigger:".count).trimmingCharacters(in: .whitespaces)
        }
      case "events": events = value.split(separator: " ").map(String.init)
      case "summary": summary = try Self.counts(value, key: key, source: source)
      case "totals": totals = try Self.counts(value, key: key, source: source)
      default: break
      }
    }
    guard let events, !events.isEmpty else {
      throw ComplexityError(
        .subject,
        "\(source) is not callgrind output: it has no 'events:' line"
          + (sawHeader ? "" : " (nor a callgrind header)"))
    }
    guard var counts = totals ?? summary else {
      throw ComplexityError(
        .subject,
        "\(source) has no 'totals:' or 'summary:' line: the dump was cut short "
          + "(valgrind stopped while writing it?)")
    }
    guard counts.count <= events.count else {
      throw ComplexityError(
        .subject,
        "\(source) has \(counts.count) totals for \(events.count) events (\(events.joined(separator: " ")))"
      )
    }
    counts += Array(repeating: 0, count: events.count - counts.count)
    self.events = events
    self.totals = counts
  }

  /// Reads only the header lines a sample needs (`desc: Trigger:`,
  /// `events:`, `summary:`) from the first bytes of a dump: this runs
  /// inside a process under valgrind, where parsing the lines as Swift
  /// strings cost 18 ms a sample, four times callgrind's own dump.
  ///
  /// - Throws: `ComplexityError(.subject, …)` as `init(parsing:source:)`.
  package init(header bytes: ArraySlice<UInt8>, source: String) throws {
    let summary = Array("summary:".utf8)
    var end = bytes.endIndex
    var lineStart = bytes.startIndex
    // Up to the end of the `summary:` line: what follows is costs.
    while lineStart < bytes.endIndex {
      let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
      if bytes[lineStart..<lineEnd].starts(with: summary) {
        end = lineEnd
        break
      }
      lineStart = lineEnd + 1
    }
    try self.init(bytes: bytes[..<end], source: source)
  }

  /// A header line's key and value (`events: Ir` → `events`, `Ir`), or nil
  /// for a cost line (digits, `+`, `-`, `*`), a name line (`fn=…`, no
  /// colon after a word), a comment or a blank line. Leading and trailing
  /// blanks are dropped.
  private static func headerLine(_ raw: ArraySlice<UInt8>) -> (String, String)? {
    func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    func isLetter(_ b: UInt8) -> Bool {
      (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
        || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }
    func isWord(_ b: UInt8) -> Bool {
      isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }
    guard let first = raw.firstIndex(where: { !isBlank($0) }) else { return nil }
    let line = raw[first...]
    guard let lead = line.first, isLetter(lead),
      let colon = line.firstIndex(where: { !isWord($0) }), line[colon] == UInt8(ascii: ":")
    else { return nil }
    let key = String(decoding: line[..<colon], as: UTF8.self)
    let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces)
    return (key, value)
  }

  /// The total of one event.
  ///
  /// - Parameter event: `Ir` (instructions executed) unless another is named.
  /// - Throws: `ComplexityError(.subject, …)` when the file did not record it.
  package func total(_ event: String = "Ir") throws -> UInt64 {
    guard let i = events.firstIndex(of: event) else {
      throw ComplexityError(
        .subject,
        "the callgrind output records \(events.joined(separator: " ")), not \(event)")
    }
    return totals[i]
  }

  // MARK: - Implementation details

  /// Counts in decimal, or hexadecimal with `0x`, as the format allows.
  private static func counts(_ text: String, key: String, source: String) throws -> [UInt64] {
    try text.split(separator: " ").map { word in
      let value =
        word.hasPrefix("0x") ? UInt64(word.dropFirst(2), radix: 16) : UInt64(word, radix: 10)
      guard let value else {
        throw ComplexityError(.subject, "\(source): '\(key): \(text)' holds '\(word)', not a count")
      }
      return value
    }
  }
}
