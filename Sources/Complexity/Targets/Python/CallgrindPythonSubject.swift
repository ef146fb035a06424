import Foundation

/// CPython operations counted in instructions: the harness runs in the
/// real interpreter under valgrind's callgrind, one op after another in one
/// valgrind process (`select(_:code:)` chooses the op; valgrind's start is
/// paid once, not per op), and each sample is an **instruction count**,
/// not seconds, so the sweep engine's points hold instructions per
/// operation and the classifier fits those.
///
/// What is counted, and what is not:
///
/// - callgrind starts with counting off (`--collect-atstart=no`) and
///   counts only inside `Context.run` (`--toggle-collect=context_run`), a C
///   function the harness calls for nothing but the measured loop. Set-up,
///   the keys, restores between blocks (a fresh copy before each `sort`)
///   and the harness's own work are not counted.
/// - Each sample ends with a call of `os.getppid()`, whose libc function
///   `getppid` makes callgrind write what it counted to its next dump
///   (`--dump-before=getppid`); this subject reads that dump's total.
/// - The interpreter warms up uncounted: the first sample of an operation
///   runs until CPython's specialising interpreter has settled (16 calls
///   of the loop), and the first sample at each size is dropped.
///
/// The environment fixes what would make counts vary between runs or
/// bend with size: `PYTHONHASHSEED=0`, `PYTHONMALLOC=malloc` (one
/// allocator, the C library's, instead of CPython's arenas on top of it),
/// the C library's `rep movsb`/`rep stosb` copy strategy switched off
/// (see `environment`), and nothing else from the caller's environment,
/// in a fixed order (see `isolated`).
package final class CallgrindPythonSubject: Subject {
  /// The op counted now, by the id the harness knows it by.
  package private(set) var op: String
  /// Random positions across the container instead of one hot key.
  package let cold: Bool
  /// The interpreter binary valgrind runs.
  package let interpreter: String
  package let valgrind: Valgrind

  private let harness: PythonHarness
  /// From when callgrind instruments the interpreter, for the notes.
  private let instrumentation: String
  private let directory: URL
  private var outFile: String { directory.appendingPathComponent("callgrind.out").path }
  /// The last dump removed (`removeDumps(upTo:)`).
  private var removedUpTo = 0

  /// The C function inside which instructions are counted.
  static let countedFunction = "context_run"
  /// The C function whose every call ends a sample (a dump).
  static let markFunction = "getppid"

  /// The interpreter's environment under valgrind: a fixed hash seed, one
  /// allocator (the C library's, instead of CPython's arenas on top of it),
  /// and copies that count the same per byte at every size
  /// (`Valgrind.steadyCopies`).
  package static let environment: [String: String] = [
    "PYTHONHASHSEED": "0",
    "PYTHONMALLOC": "malloc",
  ].merging(Valgrind.steadyCopies) { a, _ in a }

  /// `env -i` and the interpreter's whole environment, sorted
  /// (`Valgrind.isolatedEnvironment`), with what `PythonHarness` sets for
  /// every harness, since `env -i` drops it.
  static func isolated(_ added: [String: String]) -> [String] {
    Valgrind.isolatedEnvironment(
      ["PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"].merging(added) { _, new in new })
  }

  /// What every instruction result says about how it was counted: the
  /// hazards handled, for the notes of each result.
  package var notes: [String] {
    [
      "instructions per op counted by callgrind (\(valgrind.version)) in \(interpreter), "
        + "only inside the measured loop (set-up, restores and the harness uncounted); "
        + "the fixed cost of each call of the loop (about a thousand instructions) "
        + "goes to the fit's intercept",
      "callgrind instruments \(instrumentation)",
      "warm-up uncounted: 16 calls of the loop before the first count (CPython's "
        + "specialising interpreter settles), and one sample at each new size",
      "PYTHONHASHSEED=0, PYTHONMALLOC=malloc; glibc's rep movsb/stosb copies switched "
        + "off, so a copy counts the same per byte at every size (with them, "
        + "a copy above 8 KB counted about ten times as many instructions per element)",
      "the interpreter gets a fixed environment, in a fixed order, and requests with "
        + "sorted keys, so it allocates the same blocks in the same order in every run "
        + "(either in another order moved the allocator's counts by up to 1%)",
    ]
  }

  /// Starts valgrind on the harness for one operation.
  ///
  /// - Parameters:
  ///   - interpreter: the interpreter **binary** (`sys.executable`): valgrind
  ///     does not follow a shell shim's `exec` into the real interpreter,
  ///     and would count the shim.
  ///   - code: the op's code, defined in the new harness (nil: the
  ///     catalog's).
  ///   - site: whether the interpreter imports `site` (`PythonHarness.Launch.site`).
  /// - Throws: `ComplexityError(.missingTool, …)` when `interpreter` is a
  ///   script; `ComplexityError(.subject, …)` when valgrind or the harness
  ///   fails to start. That callgrind writes a dump at each of the
  ///   harness's marks is checked by the first sample: a mark here would
  ///   switch instrumentation on before the op's first set-up.
  package init(
    op: String, interpreter: String, valgrind: Valgrind, code: PythonCode? = nil,
    cold: Bool = false, site: Bool = true
  ) throws {
    try Self.checkBinary(interpreter)
    self.op = op
    self.cold = cold
    self.interpreter = interpreter
    self.valgrind = valgrind
    directory = try Valgrind.makeOutputDirectory()
    do {
      do {
        harness = try Self.harness(interpreter, valgrind, directory, site: site, late: true)
        instrumentation =
          "from the first counted sample on (the interpreter's start, the harness's "
          + "imports and the first op's compiling, set-up and warm-up run uninstrumented, "
          + "twice as fast)"
      } catch let refused as PythonHarness.StartCommandRefused {
        // No client request here (another CPU, an interpreter without
        // ctypes): instrumented from the start, twice as slow to start.
        harness = try Self.harness(interpreter, valgrind, directory, site: site, late: false)
        instrumentation = "from the interpreter's start (\(refused.reason))"
      }
      if let code { try harness.define(op, code) } else { try harness.defineFromCatalog(op) }
    } catch {
      Leftovers.remove(folder: directory)
      throw error
    }
  }

  deinit { stop() }

  /// Counts `op` from the next sample on, defined by `code` (nil: the
  /// catalog's) unless the harness has it already.
  ///
  /// - Throws: `ComplexityError` when the code does not compile.
  package func select(_ op: String, code: PythonCode?) throws {
    if let code { try harness.define(op, code) } else { try harness.defineFromCatalog(op) }
    self.op = op
  }

  package var metric: Metric { .instructions }

  /// Counts the operation at one size: the instructions of `iterations` runs.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails or a
  ///   dump is missing or unreadable.
  package func sample(size: Int, iterations: Int) throws -> Double {
    let dump = try harness.count(op: op, n: size, loops: iterations, cold: cold)
    let count = Double(try readDump(dump))
    removeDumps(upTo: dump)
    return count
  }

  /// Builds the op's inputs at `sizes` in the harness now, uncounted
  /// (`complexity_counting.prepare_size`): before the first counted
  /// sample the interpreter runs uninstrumented.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails.
  package func prepare(sizes: [Int]) throws {
    try harness.prepareCounts(op: op, sizes: sizes, cold: cold)
  }

  /// Stops valgrind and removes its output.
  package func stop() {
    harness.stop()
    Leftovers.remove(folder: directory)
  }

  // MARK: - Implementation details

  /// The instructions in dump `number`, checked to be the dump the mark wrote.
  private func readDump(_ number: Int) throws -> UInt64 {
    let path = "\(outFile).\(number)"
    guard FileManager.default.fileExists(atPath: path) else {
      throw ComplexityError(
        .subject,
        "callgrind wrote no dump \(number) at the harness's mark (\(path)): is valgrind's "
          + "callgrind working here? try `valgrind --tool=callgrind \(interpreter) -c pass`")
    }
    let output = try CallgrindOutput.read(path: path)
    if let part = output.part, part != number {
      throw ComplexityError(
        .subject,
        "callgrind's dump \(number) says it is part \(part): something else called "
          + "\(Self.markFunction)(), so the counts cannot be told apart")
    }
    if let trigger = output.trigger, !trigger.contains(Self.markFunction) {
      throw ComplexityError(
        .subject, "callgrind's dump \(number) was written by \(trigger), not by the harness's mark")
    }
    return try output.total("Ir")
  }

  /// Removes the dumps read so far (and the uncounted ones between them),
  /// by number: listing the folder each sample cost more than reading it.
  private func removeDumps(upTo last: Int) {
    // A restarted harness numbers its dumps from 1 again.
    if last <= removedUpTo { removedUpTo = 0 }
    for n in (removedUpTo + 1)...last { unlink("\(outFile).\(n)") }
    removedUpTo = last
  }

  /// The harness under callgrind; `late`: uninstrumented until its
  /// `instrument` request (`complexity_counting.instrument`).
  private static func harness(
    _ interpreter: String, _ valgrind: Valgrind, _ directory: URL, site: Bool, late: Bool
  ) throws -> PythonHarness {
    let outFile = directory.appendingPathComponent("callgrind.out").path
    let launch = PythonHarness.Launch(
      wrapper: isolated(environment)
        + valgrind.callgrindCommand(
          outFile: outFile, toggle: countedFunction, dumpBefore: markFunction,
          instrumentAtStart: !late),
      environment: environment, site: site, startCommands: late ? ["instrument"] : [],
      quitsAtOnce: true)
    // Valgrind runs the interpreter ~50 times slower: a long reply is not
    // a hang.
    return try PythonHarness(executable: interpreter, replyTimeout: 1800, launch: launch)
  }

  /// Refuses a script (a pyenv shim): valgrind would run the shell.
  private static func checkBinary(_ path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ComplexityError(.missingTool, "cannot read the interpreter \(path)")
    }
    defer { try? handle.close() }
    let head = handle.readData(ofLength: 4)
    guard head == Data([0x7F, 0x45, 0x4C, 0x46]) else {
      throw ComplexityError(
        .missingTool,
        "\(path) is a script, not an interpreter binary (a shim such as pyenv's?): valgrind "
          + "would count the shell; pass --python with the path sys.executable prints")
    }
  }
}
