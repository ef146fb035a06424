import Foundation

extension RaceRecipe {
  /// The harness op id of an implementation.
  package static func opID(_ implementation: String) -> String { "race.\(implementation)" }

  /// The implementations' code for the harness's `define` command, in
  /// the recipe's order.
  ///
  /// Every snippet's set-up first runs the recipe's `once` code, a single
  /// time per interpreter, in a module kept in `sys.modules` and copied
  /// into each set-up's namespace. The harness rebuilds an op's input
  /// whenever it switches ops, which an interleaved race does at every
  /// sample; pools, clusters and compiled functions must survive that.
  package func code() -> [PythonCode] {
    implementations.map { impl in
      var setup = preamble + "\n" + self.setup
      var statement = impl.statement ?? "_run(x)"
      if let file = impl.file {
        setup +=
          "\n" + """
            import runpy as _runpy
            _m = _runpy.run_path(\(PythonCode.pythonString(file)))
            if not callable(_m.get("run")):
                raise ValueError(\(PythonCode.pythonString("\(file) must define run(x)")))
            _run = _m["run"]
            if callable(_m.get("setup")):
                x = _m["setup"](n)
            """
        statement = "_run(x)"
      }
      return PythonCode(setup: setup, statement: statement)
    }
  }

  /// Finds which required modules the interpreter cannot import, by asking
  /// it in a process of its own (so a module that crashes on import cannot
  /// take the harness with it).
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming the first missing
  ///   module and how to install it.
  package func checkRequirements(python: String) throws {
    guard !requires.isEmpty else { return }
    let probe = """
      import importlib, json, sys
      missing = []
      for name in json.loads(sys.argv[1]):
          try:
              importlib.import_module(name)
          except Exception:
              missing.append(name)
      print(json.dumps(missing))
      """
    let modules = String(
      decoding: try JSONSerialization.data(withJSONObject: requires.map(\.module)), as: UTF8.self)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", probe, modules]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw ComplexityError(.missingTool, "could not start \(python): \(error)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let missing = try? JSONSerialization.jsonObject(with: data) as? [String] else {
      throw ComplexityError(.missingTool, "\(python) could not check the recipe's modules")
    }
    if let first = missing.first, let requirement = requires.first(where: { $0.module == first }) {
      throw Self.missingModule(requirement.package, module: first, python: python, recipe: name)
    }
  }

  /// The message for a module the interpreter lacks.
  static func missingModule(
    _ package: String, module: String, python: String, recipe: String
  )
    -> ComplexityError
  {
    ComplexityError(
      .missingTool,
      "recipe '\(recipe)' imports \(module), which \(python) cannot import: install \(package) "
        + "into the interpreter given with --python (e.g. \(python) -m pip install '\(package)', "
        + "or scripts/race-venv and --python .venv-race/bin/python)")
  }

  // MARK: - Implementation details

  /// Runs `once` a single time per interpreter and binds its names, the
  /// swept variable's own name, and `RECIPE_DIR`.
  private var preamble: String {
    var lines = [
      "import sys as _sys",
      "_once = _sys.modules.get('__complexity_race__')",
      "if _once is None:",
      "    import types as _types",
      "    _once = _types.ModuleType('__complexity_race__')",
      "    _once.RECIPE_DIR = \(PythonCode.pythonString(directory))",
      // Registered before running, so functions it defines pickle by
      // reference into forked pool workers.
      "    _sys.modules['__complexity_race__'] = _once",
      "    try:",
      "        exec(compile(\(PythonCode.pythonString(once ?? "pass")), '<once>', 'exec'), vars(_once))",
      "    except BaseException:",
      "        del _sys.modules['__complexity_race__']",
      "        raise",
      "globals().update({_k: _v for _k, _v in vars(_once).items() if not _k.startswith('__')})",
    ]
    if variable != "n" { lines.append("\(variable) = n") }
    return lines.joined(separator: "\n")
  }
}
