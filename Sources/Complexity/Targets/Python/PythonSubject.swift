/// One CPython operation, timed by the harness in a real interpreter.
public struct PythonSubject: Subject {
  /// The op id the harness knows it by (`list.pop0`).
  public var op: String
  /// Random positions across the container instead of one hot key.
  public var cold: Bool
  let harness: PythonHarness

  public init(op: String, harness: PythonHarness, cold: Bool = false) {
    self.op = op
    self.harness = harness
    self.cold = cold
  }

  public func residentBytes() -> UInt64? { harness.residentBytes() }

  public mutating func forgetInputs() throws { try harness.reset() }

  public var metric: Metric { .time }

  /// Times the operation at one size: the seconds of `iterations` runs.
  public mutating func sample(size: Int, iterations: Int) throws -> Double {
    try harness.time(op: op, n: size, loops: iterations, cold: cold)
  }
}
