import Foundation

/// A subject whose calls can be stopped when they run too long (the
/// harness is ended, and started anew for the next request).
package protocol Interruptible {
  /// The longest one call may take from now on, in seconds.
  func limitEachCall(to seconds: Double)
}

/// The wall-clock time one operation's sweep may take, as a promise: it
/// finishes within `seconds` plus one sample.
///
/// The engine predicts what each next step costs from the wall time of the
/// calls measured so far, and never starts one that would not finish in
/// what is left (`affords`); a call that runs past what is left anyway is
/// stopped (`Interruptible`). With per-call costs `c₁`, `c₂` at the two
/// largest sizes measured, `n₁ < n₂`, a size `n` is expected to cost
///
///     c(n) = c₂ · (n / n₂)^s,   s = max(0, log(c₂/c₁) / log(n₂/n₁))
///
/// per call (`s = 1` from a single size).
package final class SweepBudget {
  /// The promise, in seconds.
  package let seconds: Double
  private let start = Date()
  /// A stopped call may overrun what is left by this much (the harness's
  /// own answer takes a moment).
  package static let slack = 0.5

  /// The first size refused because its predicted cost did not fit.
  package private(set) var refused: Int?
  /// The size at which a call ran past the budget and was stopped.
  package private(set) var interrupted: Int?

  package init(seconds: Double) { self.seconds = seconds }

  package var elapsed: Double { Date().timeIntervalSince(start) }
  package var remaining: Double { seconds - elapsed }
  package var isSpent: Bool { remaining <= 0 }

  /// Whether `cost` seconds of work fit in what is left.
  package func affords(_ cost: Double) -> Bool { cost <= remaining }

  /// Records that size `n` was not started: its cost did not fit.
  package func refuse(_ n: Int) { refused = min(refused ?? n, n) }

  /// Forgets the refusal, to try sizes below it (a linear fill).
  package func clearRefusal() { refused = nil }

  /// Records that a call at size `n` ran past the budget and was stopped.
  package func interrupt(at n: Int) { interrupted = min(interrupted ?? n, n) }

  /// The expected wall time of one call at `n`, from `costs` (size, wall
  /// seconds per call) measured so far; nil before any.
  static func predictedCall(at n: Int, from costs: [(n: Int, seconds: Double)]) -> Double? {
    let known = costs.sorted { $0.n < $1.n }
    guard let last = known.last else { return nil }
    var slope = 1.0
    if known.count >= 2 {
      let previous = known[known.count - 2]
      if previous.seconds > 0, last.seconds > 0, last.n > previous.n {
        slope = max(
          0, log(last.seconds / previous.seconds) / log(Double(last.n) / Double(previous.n)))
      }
    }
    return last.seconds * pow(Double(n) / Double(last.n), slope)
  }
}
