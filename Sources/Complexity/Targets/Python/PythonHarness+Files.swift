import Foundation

extension PythonHarness {
  /// The harness's Python files, embedded in the binary (from `Harness/`),
  /// the one the interpreter runs first.
  package static let files: [(name: String, source: String)] = [
    ("complexity_start.py", PackageResources.complexity_start_py),
    ("complexity_harness.py", PackageResources.complexity_harness_py),
    ("complexity_wire.py", PackageResources.complexity_wire_py),
    ("complexity_inputs.py", PackageResources.complexity_inputs_py),
    ("complexity_sampler.py", PackageResources.complexity_sampler_py),
    ("complexity_counting.py", PackageResources.complexity_counting_py),
    ("complexity_memory.py", PackageResources.complexity_memory_py),
  ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

  /// `complexity_check.py`, the helper that lets pytest assert a class
  /// (`complexity python-helper` prints it).
  package static let pytestHelper = String(
    decoding: PackageResources.complexity_check_py, as: UTF8.self)

  /// Every file of the harness, each after a line naming it
  /// (`complexity harness` prints this).
  package static var source: String {
    files.map { "# ==> \($0.name) <==\n\($0.source)" }.joined(separator: "\n")
  }

  /// The folder every harness of every run starts from: `harness/` and a
  /// name made of the files' contents (their 64-bit FNV-1a) in the cache
  /// folder (`CacheFolder`). The interpreter keeps its bytecode of the
  /// harness's modules there, so no start compiles them again (0.2 s of a
  /// counting worker's start under valgrind). Nil when it cannot be made
  /// or written (a read-only home): each harness then writes the files
  /// into a temporary folder of its own, and compiles them each time.
  package static let sharedFolder: URL? = makeSharedFolder(in: CacheFolder.standard())

  /// Makes `harness/<contents>` in `cache` with the harness's files,
  /// writing only those missing or different (a file rewritten gets a new
  /// modification time, and the interpreter would compile it again).
  ///
  /// - Returns: the folder, or nil when it cannot be made or written.
  package static func makeSharedFolder(in cache: URL) -> URL? {
    let contents = files.map { "\($0.name)\n\($0.source)" }.joined(separator: "\u{0}")
    let folder = cache.appendingPathComponent("harness").appendingPathComponent(
      String(format: "%016llx", CacheFolder.fnv1a(contents)))
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for file in files {
        let url = folder.appendingPathComponent(file.name)
        if (try? String(contentsOf: url, encoding: .utf8)) != file.source {
          try file.source.write(to: url, atomically: true, encoding: .utf8)
        }
      }
      // Each build whose harness differs has a folder; those of builds
      // unused for 30 days go.
      CacheFolder.touch(folder)
      CacheFolder.removeUnused(in: folder.deletingLastPathComponent()) {
        $0 != folder.lastPathComponent
      }
      return folder
    } catch {
      return nil
    }
  }

  /// Writes the harness's files into `directory`, made if missing.
  ///
  /// - Returns: the path of the file the interpreter runs.
  /// - Throws: `ComplexityError(.subject, …)` when a file cannot be written.
  static func write(into directory: URL) throws -> String {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for file in files {
        try file.source.write(
          to: directory.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
      }
    } catch {
      throw ComplexityError(.subject, "cannot write the harness to \(directory.path): \(error)")
    }
    return directory.appendingPathComponent(files[0].name).path
  }
}
