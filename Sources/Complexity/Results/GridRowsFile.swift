import Foundation

/// The file `sweep --two-variables --format json` writes: the rows in two
/// variables with their fits, read back by `report` and `compare`.
package struct GridRowsFile: Codable {
  /// The format's version (1).
  package var version: Int
  package var gridRows: [GridRows.Row]

  package static let currentVersion = 1

  package init(_ rows: [GridRows.Row]) {
    version = Self.currentVersion
    gridRows = rows
  }

  enum CodingKeys: String, CodingKey {
    case version
    case gridRows = "grid_rows"
  }

  /// The rows in two variables stored at `path`, from any file that holds
  /// them: this file, its journal (`GridJournal`), or what `time --var
  /// --format json` wrote (one row, `user.snippet`); nil when the file
  /// holds something else (a one-variable run or journal). `report`,
  /// `compare` and `sweep --two-variables --baseline` read through it.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file is one of
  ///   those but cannot be read.
  package static func rows(path: String) throws -> [GridRows.Row]? {
    if let rows = try read(path: path) ?? GridJournal.rows(path: path) { return rows }
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["ranking"] != nil, object["names"] != nil, object["sweep"] != nil
    else { return nil }
    do {
      let report = try JSONDecoder().decode(TwoVariableReport.self, from: data)
      return [
        GridRows.Row(
          op: "user.snippet", documented: report.documented ?? "-", report: report, seconds: 0)
      ]
    } catch {
      throw ComplexityError(
        .badInput, "\(path) holds a two-variable fit that cannot be read: \(error)")
    }
  }

  /// The rows in the file at `path`, or nil when it holds something else
  /// (a one-variable run, a journal).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when it says it holds rows
  ///   in two variables but they cannot be read.
  package static func read(path: String) throws -> [GridRows.Row]? {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object[CodingKeys.gridRows.rawValue] != nil
    else { return nil }
    do {
      let file = try JSONDecoder().decode(GridRowsFile.self, from: data)
      guard file.version <= currentVersion else {
        throw ComplexityError(
          .badInput,
          "\(path) is version \(file.version) of the two-variable rows; this tool reads up to "
            + "\(currentVersion): use a newer complexity")
      }
      return file.gridRows
    } catch let error as ComplexityError {
      throw error
    } catch {
      throw ComplexityError(
        .badInput, "\(path) holds rows in two variables that cannot be read: \(error)")
    }
  }
}
