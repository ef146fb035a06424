import Foundation

/// A user's own Python code to sweep: set-up code that builds the input
/// from `n`, and a statement timed on it.
///
///     PythonSnippet(setup: "x = list(range(n))", statement: "x.pop(0); x.append(0)")
///
/// or a file that defines `setup(n)` and `run(x)`.
public struct PythonSnippet: Sendable, Equatable {
  /// The op id the harness knows it by.
  public var id: String
  /// Runs once per size, untimed; `n` is defined.
  public var setup: String
  /// Timed, once per iteration.
  public var statement: String
  /// Untimed code run before each call (with `block` 1) to rebuild the input.
  public var restore: String?
  /// Calls per timed block, a Python expression of `n` (nil: all).
  public var block: String?

  public init(
    id: String = "user.snippet", setup: String, statement: String, restore: String? = nil,
    block: String? = nil
  ) {
    self.id = id
    self.setup = setup
    self.statement = statement
    self.restore = restore
    self.block = block
  }

  /// A snippet from a file defining `setup(n)` (builds the input) and
  /// `run(x)` (the code timed). With `fresh`, every call gets a new input
  /// from `setup(n)`, built untimed.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file is missing.
  public static func file(_ path: String, fresh: Bool = false) throws -> PythonSnippet {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ComplexityError(
        .badInput, "no such file: \(path) (give a Python file defining setup(n) and run(x))")
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let load = """
      import runpy as _runpy
      _m = _runpy.run_path(\(pythonString(absolute)))
      if not callable(_m.get("setup")) or not callable(_m.get("run")):
          raise ValueError("\(absolute) must define setup(n) and run(x)")
      _setup, _run = _m["setup"], _m["run"]
      x = _setup(n)
      """
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return PythonSnippet(
      id: "user.\(name)", setup: load, statement: "_run(x)",
      restore: fresh ? "x = _setup(n)" : nil, block: fresh ? "1" : nil)
  }

  /// A Python string literal for any text.
  static func pythonString(_ text: String) -> String {
    let data = try? JSONSerialization.data(withJSONObject: [text], options: .withoutEscapingSlashes)
    let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
    return String(array.dropFirst().dropLast())
  }
}
