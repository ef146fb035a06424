import Foundation

/// Reads a run from either file a sweep writes: the results JSON
/// (`--format json --output FILE`) or its journal (`FILE.jsonl`), so
/// `report`, `compare` and `--baseline` also take an interrupted run.
package enum ResultsFile {
  /// The run in the file at `path`, and any warnings about it (a journal's
  /// last line cut short).
  ///
  /// A file whose first line is a journal header is read as a journal;
  /// anything else must be results JSON.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the file and what is
  ///   wrong with it.
  package static func read(path: String) throws -> (results: RunResults, warnings: [String]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(
        .badInput,
        "no such file: \(path) (give a results file from complexity sweep --format json, "
          + "or its .jsonl journal)")
    }
    if isJournal(data) {
      let contents = try Journal.read(data, path: path)
      return (contents.results, contents.warnings)
    }
    return (try RunResults.decode(data, path: path), [])
  }

  /// The interpreters side by side in the file at `path`, or nil when it
  /// holds something else (one run, a journal): `sweep` with two or more
  /// `--python` writes them (`InterpreterRuns`).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when it says it holds runs
  ///   side by side but they cannot be read.
  package static func readSideBySide(path: String) throws -> InterpreterRuns? {
    guard let data = FileManager.default.contents(atPath: path), !isJournal(data),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["runs"] != nil, object["results"] == nil
    else { return nil }
    do {
      return try JSONDecoder().decode(InterpreterRuns.self, from: data)
    } catch {
      throw ComplexityError(
        .badInput, "\(path) holds runs side by side that cannot be read: \(error)")
    }
  }

  /// Whether the first line is a journal header (by its marker).
  static func isJournal(_ data: Data) -> Bool {
    let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
    guard let object = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any]
    else { return false }
    return object["journal"] as? String == Journal.marker
  }
}
