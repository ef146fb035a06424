import Foundation

/// The child side of `SwiftWorkerSubject`: a process that measures the
/// Swift operations of the catalog in itself, one after another — their
/// instructions under callgrind, or their bytes with the counting
/// allocator preloaded — and answers requests over JSON lines on standard
/// input and output. One worker serves many ops: valgrind's start (about
/// 1.4 s) is paid once per worker, not once per op.
///
/// It greets with `{"ok": true}` once its meter answers (or
/// `{"ok": false, "error": …}` and exits), then serves one `Request` per
/// line with one `Reply` per line, until `quit` or the end of its input.
/// A request for another op than the last drops the last op's inputs.
package enum SwiftWorker {
  /// One request from the parent.
  package struct Request: Codable, Sendable, Equatable {
    /// `count`, `prepare`, `forget` or `quit`.
    package var cmd: String
    /// The op to count (for `count` and `prepare`).
    package var op: String?
    /// The size to count, or (`prepare`) whose input to build now, uncounted.
    package var n: Int?
    package var loops: Int?
    /// What a worker with the counting allocator counts: `memory` (peak,
    /// the default) or `allocated` (total); nil under callgrind.
    package var metric: Metric?

    package init(
      cmd: String, op: String? = nil, n: Int? = nil, loops: Int? = nil, metric: Metric? = nil
    ) {
      self.cmd = cmd
      self.op = op
      self.n = n
      self.loops = loops
      self.metric = metric
    }
  }

  /// One reply to the parent.
  package struct Reply: Codable, Sendable, Equatable {
    package var ok: Bool
    /// Instructions or bytes of the sample, for `count`.
    package var count: Double?
    package var error: String?

    package init(ok: Bool, count: Double? = nil, error: String? = nil) {
      self.ok = ok
      self.count = count
      self.error = error
    }
  }

  /// Serves count requests until `quit` or the end of standard input.
  ///
  /// - Parameter metric: `.instructions` (the process runs under
  ///   callgrind) or `.memory` (the counting allocator is preloaded).
  /// - Returns: the exit status: 0, or 2 when the process cannot measure
  ///   so (the greeting says why).
  package static func serve(metric: Metric = .instructions) -> Int32 {
    var meter: InProcessMeter
    do {
      switch metric {
      case .instructions: meter = try InProcessMeter.instructions()
      case .memory, .allocated: meter = try InProcessMeter.allocations(metric)
      case .time: throw ComplexityError(.badInput, "a worker counts instructions or bytes")
      }
    } catch {
      send(Reply(ok: false, error: "\(error)"))
      return 2
    }
    send(Reply(ok: true))
    var current: (op: String, subject: any Subject)?
    while let line = readLine() {
      let reply: Reply
      do {
        let request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        switch request.cmd {
        case "quit":
          return 0
        case "forget":
          try current?.subject.forgetInputs()
          reply = Reply(ok: true)
        case "count":
          guard let op = request.op, let n = request.n, let loops = request.loops, n >= 0,
            loops >= 1
          else {
            throw ComplexityError(.badInput, "a count request needs an op, n ≥ 0 and loops ≥ 1")
          }
          // A worker that counts bytes counts peaks or totals, as asked.
          if metric.isSpace, let asked = request.metric, asked != meter.metric {
            guard asked.isSpace else {
              throw ComplexityError(.badInput, "this worker counts bytes, not \(asked.rawValue)")
            }
            meter = try InProcessMeter.allocations(asked)
            current = nil
          }
          try select(op, &current, meter: meter)
          reply = Reply(ok: true, count: try current!.subject.sample(size: n, iterations: loops))
        case "prepare":
          guard let op = request.op, let n = request.n, n >= 0 else {
            throw ComplexityError(.badInput, "a prepare request needs an op and n ≥ 0")
          }
          try select(op, &current, meter: meter)
          try current!.subject.prepare(sizes: [n])
          reply = Reply(ok: true)
        default:
          throw ComplexityError(.badInput, "unknown request '\(request.cmd)'")
        }
      } catch {
        reply = Reply(ok: false, error: "\(error)")
      }
      send(reply)
    }
    return 0
  }

  /// Makes `current` the subject of `op`, unless it is already.
  private static func select(
    _ op: String, _ current: inout (op: String, subject: any Subject)?, meter: InProcessMeter
  ) throws {
    guard current?.op != op else { return }
    // The last op's inputs go before the next op's are built.
    current = nil
    guard let made = SwiftOperations.subject(for: op, meter: meter) else {
      throw ComplexityError(.badInput, "\(op) is not a Swift op of the catalog")
    }
    current = (op, made)
  }

  private static func send(_ reply: Reply) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // A reply that cannot be encoded (a count that is not finite) must
    // still be answered, or the parent waits out its timeout.
    let data =
      (try? encoder.encode(reply))
      ?? Data(#"{"error":"the worker could not encode its reply","ok":false}"#.utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
  }
}
