import Foundation

/// How often a results file that is rewritten as a run goes is rewritten:
/// at most once per `interval`, and always at the end (by the caller).
///
/// Rewriting is the whole file each time, so rewriting after every op costs
/// the sum over the run of everything finished so far, O(ops²): the
/// catalog's 110 results (2.2 MB of JSON) took 5 s of an 18 s cached run
/// on the project's Intel Xeon. Nothing finished is lost meanwhile: the
/// journal beside the file gets each op as it finishes, and `--resume`
/// continues from it.
package struct RewritePace: Sendable {
  /// The shortest time between two rewrites, in seconds.
  package let interval: Double
  private var last: UInt64?

  /// - Parameter interval: seconds between rewrites (3: a few rewrites a
  ///   minute cost a few percent of a run).
  package init(interval: Double = 3) { self.interval = interval }

  /// Whether a rewrite is due now; if so, the next is due `interval` from now.
  package mutating func due(now: UInt64 = MonotonicClock.nanoseconds()) -> Bool {
    if let last, Double(now &- last) / 1e9 < interval { return false }
    last = now
    return true
  }
}
