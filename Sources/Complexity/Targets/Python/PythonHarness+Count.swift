extension PythonHarness {
  /// Counts one operation under callgrind: runs one sample of `loops`
  /// runs, counted, and returns the number of the callgrind dump that
  /// holds its count.
  ///
  /// Only meaningful when the harness runs under callgrind as
  /// `CallgrindPythonSubject` starts it; elsewhere the samples run and the
  /// dumps never appear.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails or
  ///   replies with something else than one dump number.
  package func count(op: String, n: Int, loops: Int, cold: Bool) throws -> Int {
    try defineFromCatalog(op)
    let reply = try request([
      "cmd": "count", "op": op, "n": n, "loops": loops, "repeats": 1, "cold": cold,
    ])
    guard let dumps = reply["dumps"] as? [Int], dumps.count == 1 else {
      throw ComplexityError(
        .subject, "the harness sent a malformed count reply for \(op): \(reply)")
    }
    return dumps[0]
  }

  /// Builds `op`'s inputs at `sizes` now, uncounted, as `count` would at
  /// the first sample of each; best effort (a size that fails is left to
  /// its count, which fails with the reason, and so are the sizes after
  /// it). One request per size, so that each has the reply timeout a
  /// count of it would have.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails.
  package func prepareCounts(op: String, sizes: [Int], cold: Bool) throws {
    try defineFromCatalog(op)
    for n in sizes {
      let reply = try request(["cmd": "prepare", "op": op, "n": n, "cold": cold])
      guard reply["prepared"] as? Bool == true else { return }
    }
  }

  /// Makes callgrind write a dump now, and returns its number: a check
  /// that the marks reach callgrind.
  package func mark() throws -> Int {
    let reply = try request(["cmd": "mark"])
    guard let dump = reply["dump"] as? Int else {
      throw ComplexityError(.subject, "the harness sent a malformed mark reply: \(reply)")
    }
    return dump
  }
}
