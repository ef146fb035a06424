import Foundation

extension RunResults {
  /// Reads results written by `complexity sweep --format json`.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the file and what is
  ///   wrong with it (missing, not JSON, another version, not results).
  package static func read(path: String) throws -> RunResults {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(
        .badInput, "no such file: \(path) (give a results file from complexity sweep --format json)"
      )
    }
    return try decode(data, path: path)
  }

  /// Decodes results JSON read from `path`, with errors that name the file.
  static func decode(_ data: Data, path: String) throws -> RunResults {
    if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["race"] != nil
    {
      throw ComplexityError(
        .badInput,
        "\(path) holds a race (complexity race): report and compare read the results of "
          + "sweep, time and fit")
    }
    do {
      return try JSONDecoder().decode(RunResults.self, from: data)
    } catch DecodingError.dataCorrupted(let context) {
      throw ComplexityError(
        .badInput, "\(path) is not results JSON: \(context.debugDescription)")
    } catch DecodingError.keyNotFound(let key, _) {
      throw ComplexityError(
        .badInput,
        "\(path) is not a complexity results file: it has no '\(key.stringValue)' "
          + "(write one with complexity sweep --format json)")
    } catch {
      throw ComplexityError(
        .badInput,
        "\(path) is not a complexity results file (\(Journal.reason(error))): "
          + "give a file from complexity sweep --format json")
    }
  }
}
