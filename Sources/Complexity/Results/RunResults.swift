import Foundation

/// Everything a run produced, with what it ran on. Encoded as versioned JSON.
public struct RunResults: Codable, Sendable, Equatable {
  /// The format version; readers reject any other.
  public static let currentVersion = 1

  public var version: Int = RunResults.currentVersion
  /// The interpreter, for runs that timed CPython.
  public var python: PythonInterpreter?
  /// The machine the run timed on.
  public var machine: Machine
  /// When the run started (ISO 8601).
  public var started: String
  /// The sizes and timing settings used.
  public var plan: SizePlan
  public var timing: TimingOptions
  /// One result per operation, in the order run.
  public var results: [OperationResult]

  public init(
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

  /// 1 when any operation's class differs from its documented one, else 0.
  public var exitStatus: Int32 {
    results.contains { $0.verdict == .differs } ? 1 : 0
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let version = try c.decode(Int.self, forKey: .version)
    guard version == Self.currentVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .version, in: c,
        debugDescription: "unsupported results version \(version) (this tool reads \(Self.currentVersion))")
    }
    self.version = version
    python = try c.decodeIfPresent(PythonInterpreter.self, forKey: .python)
    machine = try c.decode(Machine.self, forKey: .machine)
    started = try c.decode(String.self, forKey: .started)
    plan = try c.decode(SizePlan.self, forKey: .plan)
    timing = try c.decode(TimingOptions.self, forKey: .timing)
    results = try c.decode([OperationResult].self, forKey: .results)
  }
}

/// The machine a run timed on.
public struct Machine: Codable, Sendable, Equatable {
  public var cpu: String
  public var cores: Int
  public var memoryBytes: UInt64
  public var system: String

  public init(cpu: String, cores: Int, memoryBytes: UInt64, system: String) {
    self.cpu = cpu
    self.cores = cores
    self.memoryBytes = memoryBytes
    self.system = system
  }

  /// This machine.
  public static var current: Machine {
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
