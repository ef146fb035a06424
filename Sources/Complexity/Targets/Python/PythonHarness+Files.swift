import Foundation

extension PythonHarness {
  /// The harness's Python files, embedded in the binary (from `Harness/`),
  /// the one the interpreter runs first.
  package static let files: [(name: String, source: String)] = [
    ("complexity_harness.py", PackageResources.complexity_harness_py),
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
