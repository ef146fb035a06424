import Foundation

extension Valgrind {
  /// `GLIBC_TUNABLES` that raise the sizes at which glibc's `memmove`/
  /// `memcpy` and `memset` switch from vector loops to `rep movsb`/`rep
  /// stosb` out of reach.
  ///
  /// Valgrind counts every round of a `rep` instruction as one
  /// instruction: with the switch, `list.pop(0)` measured 0.75
  /// instructions per element below 8 KB moved and 8 above it (one per
  /// byte), a tenfold step in an O(n) row that the fit would read as a
  /// steeper class. The vector loops cost the same per byte at every size.
  package static let steadyCopies: [String: String] = [
    "GLIBC_TUNABLES": [
      "glibc.cpu.x86_rep_movsb_threshold=\(1 << 40)",
      "glibc.cpu.x86_rep_stosb_threshold=\(1 << 40)",
    ].joined(separator: ":")
  ]

  /// Variables passed on from the caller to a counted process, where set:
  /// where to find modules and the user's home (user site-packages), and
  /// what valgrind itself may need.
  static let passedOn = [
    "HOME", "PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "VIRTUAL_ENV", "TMPDIR",
    "VALGRIND_LIB",
  ]

  /// `env -i` and a counted process's whole environment, sorted: a fixed
  /// `PATH` and locale, the variables in `passedOn`, `added`, and nothing
  /// else of the caller's.
  ///
  /// A process copies its environment as it starts (CPython into
  /// `os.environ`), and that shifts where every later block lands and
  /// which path the allocator takes for it: the same catalog counted with
  /// the variables in another order, or one more variable, gave counts up
  /// to 1% apart. Foundation passes a dictionary's order, which changes
  /// from process to process, and a terminal's variables change from shell
  /// to shell; this environment does neither.
  static func isolatedEnvironment(_ added: [String: String]) -> [String] {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env") else { return [] }
    let inherited = ProcessInfo.processInfo.environment
    var all = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
    for name in passedOn { all[name] = inherited[name] }
    all.merge(added) { _, new in new }
    return ["/usr/bin/env", "-i"] + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
  }

  /// A new temporary folder for one counted process's callgrind output.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when it cannot be made.
  static func makeOutputDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("complexity-callgrind-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw ComplexityError(
        .subject, "cannot create a folder for callgrind's output in \(directory.path): \(error)")
    }
    Leftovers.register(folder: directory)
    return directory
  }
}
