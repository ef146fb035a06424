import Foundation

/// The child side of `CallgrindSwiftSubject`: a process running under
/// callgrind that counts one Swift operation of the catalog in itself and
/// answers requests over JSON lines on standard input and output.
///
/// It greets with `{"ok": true, "op": …}` once callgrind answers (or
/// `{"ok": false, "error": …}` and exits), then serves one `Request` per
/// line with one `Reply` per line, until `quit` or the end of its input.
package enum CallgrindSwiftWorker {
  /// One request from the parent.
  package struct Request: Codable, Sendable, Equatable {
    /// `count`, `forget` or `quit`.
    package var cmd: String
    package var n: Int?
    package var loops: Int?
  }

  /// One reply to the parent.
  package struct Reply: Codable, Sendable, Equatable {
    package var ok: Bool
    /// The greeting's op id.
    package var op: String?
    /// Instructions of the sample, for `count`.
    package var count: Double?
    package var error: String?
  }

  /// Serves `op` until `quit` or the end of standard input.
  ///
  /// - Returns: the exit status: 0, or 2 when the op is unknown or the
  ///   process does not run under callgrind (the greeting says why).
  package static func serve(op: String) -> Int32 {
    let subject: any Subject
    do {
      let meter = try InProcessMeter.instructions()
      guard let made = SwiftOperations.subject(for: op, meter: meter) else {
        throw ComplexityError(.badInput, "\(op) is not a Swift op of the catalog")
      }
      subject = made
    } catch {
      send(Reply(ok: false, error: "\(error)"))
      return 2
    }
    send(Reply(ok: true, op: op))
    var counted = subject
    while let line = readLine() {
      let reply: Reply
      do {
        let request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        switch request.cmd {
        case "quit":
          return 0
        case "forget":
          try counted.forgetInputs()
          reply = Reply(ok: true)
        case "count":
          guard let n = request.n, let loops = request.loops, n >= 0, loops >= 1 else {
            throw ComplexityError(.badInput, "a count request needs n ≥ 0 and loops ≥ 1")
          }
          reply = Reply(ok: true, count: try counted.sample(size: n, iterations: loops))
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
