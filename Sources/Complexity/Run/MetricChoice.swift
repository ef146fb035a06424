/// What a run measures (`--metric`): one metric, both, or time with counts
/// where time is in doubt. Recorded as such in results' journals.
package enum MetricChoice: String, Codable, Sendable, CaseIterable {
  /// Seconds per op by the clock.
  case time
  /// Instructions per op under callgrind.
  case instructions
  /// Each op timed, then counted; the result reports the metric to trust.
  case both
  /// Each op counted where it can be (the counts decide) and timed
  /// beside; timed alone where it cannot be counted or valgrind is missing.
  case auto
  /// Peak bytes per op above its input.
  case memory
  /// Bytes per op allocated in all (however soon freed).
  case allocated

  /// The metrics an op is measured by, where it can be counted.
  package var metrics: [Metric] {
    switch self {
    case .time: return [.time]
    case .instructions: return [.instructions]
    case .memory: return [.memory]
    case .allocated: return [.allocated]
    case .both, .auto: return [.time, .instructions]
    }
  }

  /// The metric of a run: the one given, else the resumed journal's, else
  /// `auto`.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when the one given is not
  ///   the journal's: one run never mixes ways of measuring.
  package static func resolve(
    _ given: MetricChoice?, journal recorded: MetricChoice?, path: String
  )
    throws -> MetricChoice
  {
    guard let recorded else { return given ?? .auto }
    if let given, given != recorded {
      throw ComplexityError(
        .badInput,
        "\(path) was started with --metric \(recorded.rawValue), this run asks for --metric "
          + "\(given.rawValue): leave --metric out to continue it, or start a new run")
    }
    return recorded
  }

  /// For a journal that does not record its metric: refuses to resume one
  /// measured by another metric, judged from its results.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the journal's metric.
  package func check(journal: RunResults, path: String) throws {
    for r in journal.results {
      let theirs: MetricChoice =
        r.metricComparison != nil
        ? .both
        : MetricChoice(rawValue: r.metric.rawValue) ?? .time
      // With both metrics, an op that cannot be counted (a fake) is timed
      // only; auto times every op and counts some.
      let accepted: Set<MetricChoice>
      switch self {
      case .both: accepted = Catalog.standard[r.op]?.subject == .fake ? [.time] : [.both]
      case .auto: accepted = [.time, .both]
      default: accepted = [self]
      }
      if !accepted.contains(theirs) {
        throw ComplexityError(
          .badInput,
          "\(path) measured \(r.op) by --metric \(theirs.rawValue), this run would use "
            + "--metric \(rawValue): pass --metric \(theirs.rawValue), or start a new run")
      }
    }
  }
}
