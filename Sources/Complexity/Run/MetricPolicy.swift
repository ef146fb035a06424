/// Which metric decides an op's verdict when it is measured by both
/// (`--metric both` and `auto`).
///
/// The rules for two results of one op are `MetricComparison`'s; this type
/// is where a run asks them, so the policy lives in one place.
package enum MetricPolicy {
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
