import Foundation

/// Recorded timings in CSV: a header `n,seconds`, then one sample per line.
/// Several lines may share a size; they are merged as repeats.
public enum PointsFile {
  /// Reads and checks a points file.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the file, the line and
  ///   what would be right.
  public static func read(path: String) throws -> [Point] {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ComplexityError(
        .badInput, "no such file: \(path) (give a CSV file with columns n,seconds)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(.badInput, "cannot read \(path): check its permissions")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ComplexityError(
        .badInput, "\(path) is not UTF-8 text: give a CSV file with columns n,seconds")
    }
    return try parse(text, name: path)
  }

  /// Parses points CSV text; `name` is used in error messages.
  public static func parse(_ text: String, name: String = "input") throws -> [Point] {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let header = lines.first, !header.isEmpty else {
      throw ComplexityError(
        .badInput, "\(name) is empty: it needs a header line n,seconds and one line per sample")
    }
    let columns = header.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).lowercased()
    }
    guard columns.count >= 2, columns[0] == "n", columns[1] == "seconds" else {
      throw ComplexityError(
        .badInput, "\(name): the header is '\(header)'; it must start with the columns n,seconds")
    }
    var points: [Point] = []
    for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
      let number = offset + 1
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 2 else {
        throw ComplexityError(
          .badInput, "\(name) line \(number): '\(line)' needs two fields, n,seconds")
      }
      guard let n = Int(fields[0]) else {
        throw ComplexityError(
          .badInput, "\(name) line \(number): size '\(fields[0])' is not a whole number")
      }
      guard n >= 1 else {
        throw ComplexityError(
          .badInput, "\(name) line \(number): size \(n) is not positive; sizes must be at least 1")
      }
      guard let t = Double(fields[1]) else {
        throw ComplexityError(
          .badInput, "\(name) line \(number): time '\(fields[1])' is not a number of seconds")
      }
      guard t.isFinite, t > 0 else {
        throw ComplexityError(
          .badInput,
          "\(name) line \(number): time \(fields[1]) must be a finite positive number of seconds")
      }
      points.append(Point(n: n, samples: [t]))
    }
    let merged = points.mergedBySize()
    guard merged.count >= Classifier.minimumSizes else {
      throw ComplexityError(
        .badInput,
        "\(name) has \(merged.count) distinct size\(merged.count == 1 ? "" : "s"); "
          + "a fit needs at least \(Classifier.minimumSizes)")
    }
    return merged
  }
}
