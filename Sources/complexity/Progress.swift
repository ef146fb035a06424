import Complexity
import Foundation

/// Progress on standard error: op i of N, the size being timed, elapsed
/// time and an estimate of what is left. Silent when not enabled.
final class Progress {
  private let enabled: Bool
  private let start = Date()
  private var finishedSeconds: [Double] = []
  private var current = ""
  private var remaining = 0

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ event: RunEvent) {
    if case .warning(let text) = event {
      if enabled { clear() }
      write("warning: \(text)\n")
      return
    }
    guard enabled else { return }
    switch event {
    case .startOperation(let op, let index, let count):
      current = "[\(index + 1)/\(count)] \(op.id)"
      remaining = count - index
      draw(current)
    case .sweep(_, .startSize(let n, let i, let of)):
      draw("\(current) calibrating n=\(n) (\(i + 1)/\(of))")
    case .sweep(_, .startRound(let i, let of)):
      draw("\(current) sampling, round \(i + 1) of \(of)")
    case .sweep(_, .finishSize), .warning:
      break
    case .counted(let result, let done, let count, let cached):
      let how = cached ? "from the cache" : String(format: "%.1f s", result.seconds)
      draw(
        "counting instructions: \(done)/\(count) ops (\(result.op): \(result.measuredName), \(how))"
      )
    case .finishOperation(let result, let index, let count):
      finishedSeconds.append(result.seconds)
      let verdict = result.verdict.map { " \($0.rawValue)" } ?? ""
      clear()
      write(
        "[\(index + 1)/\(count)] \(result.op): \(result.measuredName)\(verdict)"
          + String(format: " (%.1f s)\n", result.seconds))
    }
  }

  func finish() {
    guard enabled else { return }
    clear()
  }

  private func draw(_ text: String) {
    let elapsed = Date().timeIntervalSince(start)
    var line = "\(text)  " + String(format: "%.0fs elapsed", elapsed)
    if !finishedSeconds.isEmpty {
      let mean = finishedSeconds.reduce(0, +) / Double(finishedSeconds.count)
      line += String(format: ", ~%.0fs left", mean * Double(remaining))
    }
    clear()
    write(line)
  }

  private func clear() { write("\r\u{1B}[2K") }

  private func write(_ s: String) { try? FileHandle.standardError.write(contentsOf: Data(s.utf8)) }
}
