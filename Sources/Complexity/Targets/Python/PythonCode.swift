import Foundation

/// The Python code of one operation, as the harness's `define` request
/// takes it: a catalog row's (from `Catalog/CPython/*.json`) or a user's own.
///
///     PythonCode(setup: "x = list(range(n))", statement: "x.pop(0); x.append(0)")
///
/// `setup` runs once per size, unmeasured, with `n` defined; `statement`
/// is measured once per iteration. The other fields are optional (see the
/// harness, `harness.py`, for how each is used).
package struct PythonCode: Codable, Sendable, Equatable {
  /// Builds the input of size `n`, unmeasured.
  package var setup: String
  /// Measured, once per iteration.
  package var statement: String
  /// Unmeasured code run before each block to bring the input back to size
  /// `n` (the previous block's keys are in `_prev`).
  package var restore: String?
  /// Calls per measured block, a Python expression of `n` (nil: all).
  package var block: String?
  /// The hot key `K`, an expression of `n`.
  package var key: String?
  /// A random key for `--cold`, an expression of `n` and `rng`.
  package var cold: String?
  /// The whole key list (new keys per call), an expression of `n` and `k`.
  package var keys: String?
  /// An expression of `n` that must hold: the sizes the op supports.
  package var check: String?

  package init(
    setup: String, statement: String, restore: String? = nil, block: String? = nil,
    key: String? = nil, cold: String? = nil, keys: String? = nil, check: String? = nil
  ) {
    self.setup = setup
    self.statement = statement
    self.restore = restore
    self.block = block
    self.key = key
    self.cold = cold
    self.keys = keys
    self.check = check
  }

  private enum CodingKeys: String, CodingKey {
    case setup, statement = "stmt", restore, block, key, cold, keys, check
  }

  /// The fields of a `define` request for op `id`.
  func defineRequest(op id: String) -> [String: Any] {
    var body: [String: Any] = ["cmd": "define", "op": id, "setup": setup, "stmt": statement]
    let optional: [(String, String?)] = [
      ("restore", restore), ("block", block), ("key", key), ("cold", cold), ("keys", keys),
      ("check", check),
    ]
    for case (let name, let value?) in optional { body[name] = value }
    return body
  }

  /// Code from a file defining `setup(n)` (builds the input) and `run(x)`
  /// (the code measured). With `fresh`, every call gets a new input from
  /// `setup(n)`, built unmeasured. With a second swept `variable` (`k`,
  /// from `time --var`), the file defines `setup(n, k)` and the set-up
  /// passes both; a `setup` that takes fewer arguments is refused by name
  /// before anything is measured.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the file is missing.
  package static func file(
    _ path: String, fresh: Bool = false, variable: String? = nil
  ) throws -> PythonCode {
    let signature = variable.map { "setup(n, \($0))" } ?? "setup(n)"
    guard FileManager.default.fileExists(atPath: path) else {
      throw ComplexityError(
        .badInput,
        "no such file: \(path) (give a Python file defining \(signature) and run(x))")
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let call = variable.map { "_setup(n, \($0))" } ?? "_setup(n)"
    // co_argcount, not inspect: inspect's imports would cost a second under valgrind.
    let arity =
      variable == nil
      ? ""
      : """

      _c = getattr(_setup, "__code__", None)
      if _c is not None and _c.co_argcount < 2 and not _c.co_flags & 4:
          raise ValueError(\(pythonString("\(absolute) must define \(signature): --var sweeps it")))
      """
    let load = """
      import runpy as _runpy
      _m = _runpy.run_path(\(pythonString(absolute)))
      if not callable(_m.get("setup")) or not callable(_m.get("run")):
          raise ValueError(\(pythonString("\(absolute) must define \(signature) and run(x)")))
      _setup, _run = _m["setup"], _m["run"]\(arity)
      x = \(call)
      """
    return PythonCode(
      setup: load, statement: "_run(x)",
      restore: fresh ? "x = \(call)" : nil, block: fresh ? "1" : nil)
  }

  /// The op id of a user's file: `user.` and its name without extension.
  package static func opID(forFile path: String) -> String {
    "user.\(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)"
  }

  /// A Python string literal for any text.
  static func pythonString(_ text: String) -> String {
    let data = try? JSONSerialization.data(withJSONObject: [text], options: .withoutEscapingSlashes)
    let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
    return String(array.dropFirst().dropLast())
  }
}
