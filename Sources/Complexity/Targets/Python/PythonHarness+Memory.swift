extension PythonHarness {
  /// Measures one operation's memory: `loops` times the mean peak bytes a
  /// call allocates above its input (`complexity_memory.py`).
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails or
  ///   sends a malformed reply.
  package func memory(op: String, n: Int, loops: Int, cold: Bool) throws -> Double {
    try defineFromCatalog(op)
    let reply = try request([
      "cmd": "memory", "op": op, "n": n, "loops": loops, "repeats": 1, "cold": cold,
    ])
    guard let bytes = reply["bytes"] as? [Double], bytes.count == 1, bytes[0].isFinite,
      bytes[0] >= 0
    else {
      throw ComplexityError(
        .subject, "the harness sent a malformed memory reply for \(op): \(reply)")
    }
    return bytes[0]
  }
}
