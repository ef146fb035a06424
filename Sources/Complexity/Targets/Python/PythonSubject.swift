/// One CPython operation, timed by the harness in a real interpreter.
package struct PythonSubject: Subject, Interruptible {
  /// The op id the harness knows it by (`list.pop0`).
  package var op: String
  /// Random positions across the container instead of one hot key.
  package var cold: Bool
  let harness: PythonHarness

  package init(op: String, harness: PythonHarness, cold: Bool = false) {
    self.op = op
    self.harness = harness
    self.cold = cold
  }

  package func residentBytes() -> UInt64? { harness.residentBytes() }

  package mutating func forgetInputs() throws { try harness.reset() }

  package var metric: Metric { .time }

  /// The longest one call may take: the harness is stopped (and started
  /// anew for the next request) when a reply takes longer.
  package func limitEachCall(to seconds: Double) { harness.replyTimeout = seconds }

  /// Times the operation at one size: the seconds of `iterations` runs.
  package mutating func sample(size: Int, iterations: Int) throws -> Double {
    try harness.time(op: op, n: size, loops: iterations, cold: cold)
  }
}
