/// Which metric decides an op's verdict when it is measured by both, and
/// when a timing is in doubt enough to be counted (`--metric auto`).
///
/// The rules for two results of one op are `MetricComparison`'s; this type
/// is where a run asks them, so the policy lives in one place.
package enum MetricPolicy {
  /// Why a timing needs a second opinion from instruction counts, or nil:
  /// its outcome is inconclusive, or it differs from the documented class.
  package static func doubt(about time: OperationResult) -> String? {
    guard let classification = time.classification else { return nil }
    if classification.outcome.settled == nil {
      return "time was inconclusive, and instruction counts could settle it"
    }
    if time.verdict == .differs {
      return "time differs from the documented class, and instruction counts could check it"
    }
    return nil
  }

  /// The result to report for an op measured by both metrics: the trusted
  /// metric's (see `MetricComparison`), with the other one and the
  /// comparison attached, and the wall time of both sweeps.
  package static func combine(
    time: OperationResult, instructions: OperationResult
  )
    -> OperationResult
  {
    let comparison = MetricComparison(time: time, instructions: instructions)
    var result = comparison.trusted == .instructions ? instructions : time
    result.otherMetrics = [comparison.trusted == .instructions ? time : instructions]
    result.metricComparison = comparison
    result.seconds = time.seconds + instructions.seconds
    return result
  }
}
