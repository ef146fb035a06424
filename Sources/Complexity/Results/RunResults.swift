import Foundation

/// Everything a run produced, with what it ran on. Encoded as versioned JSON.
package struct RunResults: Codable, Sendable, Equatable {
  /// The format version; readers reject any other.
  package static let currentVersion = 1

  package var version: Int = RunResults.currentVersion
  /// The command that wrote it: `sweep`, `time` or `fit` (nil in files
  /// written before it was recorded).
  package var command: String?
  /// The interpreter, for runs that timed CPython.
  package var python: PythonInterpreter?
  /// The machine the run timed on.
  package var machine: Machine
  /// When the run started (ISO 8601).
  package var started: String
  /// The sizes and timing settings used.
  package var plan: SizePlan
  package var timing: TimingOptions
  /// One result per operation, in the order run.
  package var results: [OperationResult]

  package init(
    python: PythonInterpreter?, machine: Machine = .current, started: Date = Date(),
    plan: SizePlan, timing: TimingOptions, results: [OperationResult] = []
  ) {
    self.python = python
    self.machine = machine
    self.started = ISO8601DateFormatter().string(from: started)
    self.plan = plan
    self.timing = timing
    self.results = results
  }

  /// `ExitStatus.failed` (3) when any operation failed to be measured,
  /// else `.differs` (1) when a class differs from its documented one,
  /// else 0.
  package var exitStatus: Int32 {
    if results.contains(where: { $0.classification == nil }) { return ExitStatus.failed.rawValue }
    return results.contains { $0.verdict == .differs } ? ExitStatus.differs.rawValue : 0
  }

  package init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeVersion(.version, current: Self.currentVersion, of: "results")
    command = try c.decodeIfPresent(String.self, forKey: .command)
    python = try c.decodeIfPresent(PythonInterpreter.self, forKey: .python)
    machine = try c.decode(Machine.self, forKey: .machine)
    started = try c.decode(String.self, forKey: .started)
    plan = try c.decode(SizePlan.self, forKey: .plan)
    timing = try c.decode(TimingOptions.self, forKey: .timing)
    results = try c.decode([OperationResult].self, forKey: .results)
  }
}

/// The machine a run timed on.
package struct Machine: Codable, Sendable, Equatable {
  package var cpu: String
  package var cores: Int
  package var memoryBytes: UInt64
  package var system: String

  package init(cpu: String, cores: Int, memoryBytes: UInt64, system: String) {
    self.cpu = cpu
    self.cores = cores
    self.memoryBytes = memoryBytes
    self.system = system
  }

  /// This machine.
  package static var current: Machine {
    let info = ProcessInfo.processInfo
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model =
      cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
    return Machine(
      cpu: model, cores: info.activeProcessorCount, memoryBytes: info.physicalMemory,
      system: info.operatingSystemVersionString)
  }
}
