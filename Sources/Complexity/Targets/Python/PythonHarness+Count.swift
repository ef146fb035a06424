extension PythonHarness {
  /// Counts one operation under callgrind: runs `repeats` samples of
  /// `loops` runs each, counted, and returns the number of the callgrind
  /// dump that holds each sample's count.
  ///
  /// Only meaningful when the harness runs under callgrind as
  /// `CallgrindPythonSubject` starts it; elsewhere the samples run and the
  /// dumps never appear.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails or
  ///   replies with something else than one dump number per sample.
  public func count(op: String, n: Int, loops: Int, repeats: Int, cold: Bool) throws -> [Int] {
    let reply = try request([
      "cmd": "count", "op": op, "n": n, "loops": loops, "repeats": repeats, "cold": cold,
    ])
    guard let dumps = reply["dumps"] as? [Int], dumps.count == repeats else {
      throw ComplexityError(.subject, "the harness sent a malformed count reply for \(op): \(reply)")
    }
    return dumps
  }

  /// Makes callgrind write a dump now, and returns its number: a check
  /// that the marks reach callgrind.
  public func mark() throws -> Int {
    let reply = try request(["cmd": "mark"])
    guard let dump = reply["dump"] as? Int else {
      throw ComplexityError(.subject, "the harness sent a malformed mark reply: \(reply)")
    }
    return dump
  }
}
