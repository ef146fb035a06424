import Foundation

/// Which Python interpreter a run uses, and what it said about itself.
package struct PythonInterpreter: Codable, Sendable, Equatable {
  /// `platform.python_version()`, e.g. `3.11.7`.
  package var version: String
  /// `platform.python_implementation()`, e.g. `CPython`.
  package var implementation: String
  /// `sys.executable`: the real binary, not a shell shim.
  package var path: String

  package init(version: String, implementation: String, path: String) {
    self.version = version
    self.implementation = implementation
    self.path = path
  }

  /// Finds the interpreter to start: `explicit` (from `--python`), then
  /// `$PYTHON`, then `python3` on `PATH`.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming every place tried.
  package static func locate(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String {
    var tried: [String] = []
    func resolve(_ name: String) -> String? {
      if name.contains("/") {
        return FileManager.default.isExecutableFile(atPath: name) ? name : nil
      }
      for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
      return nil
    }
    if let explicit {
      if let path = resolve(explicit) { return path }
      throw ComplexityError(
        .missingTool,
        "no Python interpreter at --python \(explicit): give the path of a python3 executable")
    }
    if let env = environment["PYTHON"], !env.isEmpty {
      if let path = resolve(env) { return path }
      tried.append("$PYTHON=\(env)")
    }
    if let path = resolve("python3") { return path }
    tried.append("python3 on PATH")
    throw ComplexityError(
      .missingTool,
      "no Python interpreter found (tried \(tried.joined(separator: ", "))): "
        + "install python3 or pass --python PATH")
  }
}
