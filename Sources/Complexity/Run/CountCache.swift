import Foundation

/// Instruction counts (and peak bytes) kept between runs. Counts are
/// deterministic, so an op
/// counted once with the same code, in the same interpreter, by the same
/// tool, over the same sizes, need not be counted again: a second run of
/// the catalog only times.
///
/// An entry's key names everything a count depends on: the tool's binary
/// (its harness, classifier and Swift ops are compiled in), the counted
/// binary (the interpreter, or the tool itself for Swift ops) by path,
/// size and modification time, valgrind's version, the op's definition
/// (its code, as JSON), the sizes and the counting options. Entries live in
/// `$COMPLEXITY_CACHE_DIR`, else `$XDG_CACHE_HOME/complexity/counts`, else
/// `~/.cache/complexity/counts`, one JSON file per key (named by the key's
/// 64-bit FNV-1a hash; the file holds the whole key, so a collision is a
/// miss). An entry that cannot be read is ignored and rewritten; one no
/// run has used for 30 days is removed (`prune`).
package struct CountCache: Sendable {
  /// The folder of the entries.
  package let directory: URL

  package init(directory: URL) { self.directory = directory }

  /// The user's cache folder (see the type's comment; `CacheFolder`).
  package static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> CountCache {
    CountCache(directory: CacheFolder.standard(environment: environment))
  }

  /// One entry as stored.
  private struct Entry: Codable {
    var key: String
    var result: OperationResult
  }

  /// The result stored under `key`, or nil (none, unreadable, or another
  /// key's). A hit marks the entry used (`prune`).
  package func lookup(_ key: String) -> OperationResult? {
    let url = file(for: key)
    guard let data = try? Data(contentsOf: url),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
    else { return nil }
    CacheFolder.touch(url)
    return entry.result
  }

  /// Removes the entries no run has read or written for
  /// `CacheFolder.keptUnused` (30 days): those of an earlier build of the
  /// tool or another interpreter, which no key names again. At most once a
  /// day (a marker file's age says when it last ran): looking at 1 700
  /// entries took a tenth of a cached run of one op.
  package func prune(now: Date = Date()) {
    let marker = directory.appendingPathComponent(".pruned")
    if let last = CacheFolder.lastUsed(marker), now.timeIntervalSince(last) < 24 * 3600 {
      return
    }
    guard FileManager.default.createFile(atPath: marker.path, contents: nil) else { return }
    CacheFolder.touch(marker, now: now)
    CacheFolder.removeUnused(in: directory, now: now) { $0.hasSuffix(".json") }
  }

  /// Stores `result` under `key`, atomically; a cache that cannot be
  /// written is skipped (the run goes on, it only counts again next time).
  ///
  /// - Returns: why it could not be stored, or nil.
  @discardableResult
  package func store(_ result: OperationResult, key: String) -> String? {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try encoder.encode(Entry(key: key, result: result)).write(
        to: file(for: key), options: .atomic)
      return nil
    } catch {
      return "could not write the count cache at \(directory.path): \(error.localizedDescription)"
    }
  }

  /// The key of a count: every input it depends on, as one string.
  ///
  /// - Parameters:
  ///   - metric: what is stored: instructions, or peak bytes.
  ///   - counted: the binary that runs the op's code (interpreter, or tool).
  ///   - version: the counted binary's version, where it has one.
  package static func key(
    op: Operation, grid: [Int], metric: Metric = .instructions, counting: CountingOptions,
    cold: Bool, counted: String, version: String, valgrind: Valgrind?
  ) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let definition = (try? encoder.encode(op)).map { String(decoding: $0, as: UTF8.self) } ?? op.id
    let options = (try? encoder.encode(counting)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return [
      "metric \(metric.rawValue)",
      "tool \(identity(of: Bundle.main.executablePath ?? CommandLine.arguments[0]))",
      "counted \(identity(of: counted)) \(version)",
      valgrind?.version ?? "no valgrind",
      "op \(definition)",
      "sizes \(grid.map(String.init).joined(separator: ","))",
      "counting \(options) cold \(cold)",
    ].joined(separator: "\n")
  }

  // MARK: - Implementation details

  private func file(for key: String) -> URL {
    directory.appendingPathComponent(String(format: "%016llx.json", CacheFolder.fnv1a(key)))
  }

  /// A file by its resolved path, size and modification time: a rebuilt
  /// or reinstalled binary is another binary.
  private static func identity(of path: String) -> String {
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
    let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    return "\(resolved) \(size) \(modified)"
  }
}
