import Foundation

/// What each interpreter command turned out to be when it last started:
/// `python3` through a pyenv shim is `/root/.pyenv/versions/3.11.7/bin/python3`.
///
/// Valgrind must run the interpreter binary, not a shim (it does not follow
/// the shim's `exec`), and only the started interpreter can name its
/// binary (`sys.executable`): through pyenv's shim that start takes 0.3 s,
/// which a counting worker would wait for before valgrind's own start.
/// With the last run's answer the worker starts at once, beside it
/// (`SubjectPool.prestartCounting`); the answer is only a guess, checked
/// against what the timing harness names, and a wrong one costs the time
/// of the worker it started, never a count of the wrong interpreter.
///
/// One JSON file in the cache folder (`CacheFolder`), keyed by the command
/// and the working folder (a pyenv `.python-version` depends on it); a file
/// that cannot be read or written is no memo.
package struct InterpreterMemo: Sendable {
  /// The memo's file.
  package let file: URL

  package init(file: URL) { self.file = file }

  /// The memo in the user's cache folder.
  package static func standard() -> InterpreterMemo {
    InterpreterMemo(file: CacheFolder.standard().appendingPathComponent("interpreters.json"))
  }

  /// What `command` started as from `folder` the last time, if known.
  package func guess(
    command: String, folder: String = FileManager.default.currentDirectoryPath
  ) -> PythonInterpreter? {
    entries()[Self.key(command, folder)]
  }

  /// Remembers that `command`, from `folder`, started `interpreter`.
  package func record(
    _ interpreter: PythonInterpreter, command: String,
    folder: String = FileManager.default.currentDirectoryPath
  ) {
    var all = entries()
    let key = Self.key(command, folder)
    guard all[key] != interpreter else { return }
    all[key] = interpreter
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? encoder.encode(all).write(to: file, options: .atomic)
  }

  // MARK: - Implementation details

  private static func key(_ command: String, _ folder: String) -> String {
    "\(command) from \(folder)"
  }

  private func entries() -> [String: PythonInterpreter] {
    guard let data = try? Data(contentsOf: file) else { return [:] }
    return (try? JSONDecoder().decode([String: PythonInterpreter].self, from: data)) ?? [:]
  }
}
