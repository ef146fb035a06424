/// How an op's verdicts by time and by instructions compare
/// (`--metric both`), which one to trust, and why.
///
/// The two metrics see different things. Instructions do not depend on the
/// machine's load or on timing, so they settle what noise leaves open, but
/// they are blind to what an instruction costs: a cache miss, a page fault
/// or the kernel's work on the op's behalf cost time and no instructions.
/// Time is what users feel. A documented Big-O counts steps, so **the
/// counts decide** wherever they were taken; the rule, in order:
///
/// 1. A failed sweep: trust the other.
/// 2. The same outcome: nothing to settle (the counts are reported).
/// 3. Time inconclusive, instructions conclusive: instructions settle it.
/// 4. Both conclusive and different:
///    - instructions grow faster: trust instructions: the work grows, and
///      time's fixed costs or noise hid it over these sizes;
///    - time grows faster by a neighbouring class (O(n) against
///      O(n log n), O(1) against O(log n)): trust instructions for the
///      class: these are the steps a cache level mimics;
///    - time grows faster by more: trust instructions for the class too. A
///      documented Big-O counts steps, and instructions are the steps;
///      what time adds (cache misses, page faults, the kernel zeroing
///      memory) is real and shown beside, but it depends on the machine
///      (a memmove leaving a cache level read O(n²) on one Xeon), so it
///      does not flag a row against its documentation.
/// 5. Instructions inconclusive: the class stays open, whatever time says
///    (time's class holds on this machine only).
///
/// Where time per instruction rises across the sizes (`timeRise`), the
/// explanation says by how much and from which n.
package struct MetricComparison: Codable, Sendable, Equatable {
  /// How the two outcomes relate.
  package enum Agreement: String, Codable, Sendable {
    /// The same outcome by both metrics.
    case same
    /// Time was inconclusive and instructions settled the class.
    case settled = "settled by instructions"
    /// Both settled, on different classes.
    case differ
    /// Neither settles it alone, or one sweep failed.
    case unsettled
  }

  /// Time's outcome as printed (`O(n)`, `inconclusive (O(1) | O(log n))`, `failed`).
  package var time: String
  /// Instructions' outcome as printed.
  package var instructions: String
  package var agreement: Agreement
  /// The metric whose verdict the op's result reports.
  package var trusted: Metric
  /// Why, in a sentence or two.
  package var explanation: String
  /// Where time grows faster than the counts: "time per instruction rises
  /// 2.6x from n = 4096 …"; nil where it does not rise by half or more.
  package var timeRise: String?

  /// Compares the two results of one op.
  package init(time: OperationResult, instructions: OperationResult) {
    self.time = time.classification?.outcome.description ?? "failed"
    self.instructions = instructions.classification?.outcome.description ?? "failed"
    (agreement, trusted, explanation) = Self.decide(
      time.classification?.outcome, instructions.classification?.outcome)
    timeRise = Self.rise(time: time.points, instructions: instructions.fittedPoints)
    if let timeRise { explanation += "; " + timeRise }
    // A metric that failed says why in the table, not only in the JSON.
    for (result, name) in [(time, "timed sweep"), (instructions, "count")]
    where result.classification == nil {
      explanation += " (the \(name) failed: \(result.failure ?? "no reason given"))"
    }
  }

  /// Whether the report should say something: the metrics differ,
  /// instructions settled what time could not, or one of them failed.
  package var isNews: Bool {
    agreement == .differ || agreement == .settled || time == "failed" || instructions == "failed"
  }

  // MARK: - Implementation details

  private static func decide(
    _ t: Classification.Outcome?, _ i: Classification.Outcome?
  )
    -> (Agreement, Metric, String)
  {
    guard let t else {
      return (.unsettled, .instructions, "the timed sweep failed; the instruction count stands")
    }
    guard let i else {
      return (.unsettled, .time, "the instruction count failed; the timing stands")
    }
    if t == i { return (.same, .instructions, "both metrics measure \(t)") }
    switch (t, i) {
    case (.inconclusive(let a, let b), .conclusive(let c)):
      var why =
        "time could not separate \(a) from \(b) on this machine; instruction counts do not "
        + "vary with load or timing, so their \(c) settles it"
      if c != a && c != b {
        why += " (a class time did not weigh: look at the plot before trusting either)"
      }
      return (.settled, .instructions, why)
    case (.conclusive(let x), .conclusive(let y)):
      if y > x {
        return (
          .differ, .instructions,
          "the instructions executed grow as \(y) while time measured \(x): the work does "
            + "grow, but over these sizes its cost per element is small against the fixed "
            + "costs time also pays (or the clock's noise hid it); trust instructions for "
            + "the class, time for what users feel at these sizes"
        )
      }
      if Self.neighbours(x, y) {
        return (
          .differ, .instructions,
          "time grows as \(x) but the instructions executed only as \(y): the extra in time "
            + "is the memory hierarchy (as data outgrow a cache level, each access costs more, "
            + "which reads as a slowly rising log factor), not more work; trust instructions "
            + "for the documented class, time for what users feel"
        )
      }
      return (
        .differ, .instructions,
        "time grows as \(x) while the instructions executed grow only as \(y): the extra "
          + "cost is in what instruction counts cannot see (cache misses, page faults, the "
          + "kernel zeroing or mapping memory), which users feel but which depends on this "
          + "machine; the steps, and so the documented class, are the instructions' \(y)"
      )
    case (.conclusive(let x), .inconclusive(let a, let b)):
      if x == a || x == b {
        return (
          .unsettled, .instructions,
          "instructions could not separate \(a) from \(b); time's \(x) is one of them, but "
            + "time holds on this machine only, so the class stays open"
        )
      }
      return (
        .differ, .instructions,
        "time measures \(x), instructions cannot separate \(a) from \(b); the class stays "
          + "open: look at the plot"
      )
    default:
      return (
        .unsettled, .instructions,
        "neither metric settles the class: time \(t), instructions \(i)"
      )
    }
  }

  /// Time per instruction across the sizes both metrics measured: where it
  /// rises by half or more from its lowest to the largest size, the
  /// sentence that says so, from the size where the rise begins (the last
  /// size within 20% of the lowest). Time per instruction that falls (a
  /// fixed cost per call that counts do not see) is not news.
  static func rise(time: [Point], instructions: [Point]) -> String? {
    let counts = Dictionary(
      instructions.compactMap { p in p.samples.min().map { (p.n, $0) } }, uniquingKeysWith: min)
    let ratios = time.compactMap { p -> (n: Int, r: Double)? in
      guard let t = p.samples.min(), let c = counts[p.n], c > 0, t > 0 else { return nil }
      return (p.n, t / c)
    }.sorted { $0.n < $1.n }
    guard ratios.count >= 4, let lowest = ratios.indices.min(by: { ratios[$0].r < ratios[$1].r }),
      lowest < ratios.count - 1
    else { return nil }
    let factor = ratios.last!.r / ratios[lowest].r
    guard factor >= 1.5 else { return nil }
    let from = ratios[lowest...].last { $0.r <= 1.2 * ratios[lowest].r }?.n ?? ratios[lowest].n
    return String(
      format: "time per instruction rises %.1fx from n = %d to %d: the memory hierarchy (the "
        + "same steps cost more as the data outgrow a cache level), not more work",
      factor, from, ratios.last!.n)
  }

  /// O(n) and O(n log n), or O(1) and O(log n): the pairs a cache step mimics.
  private static func neighbours(_ a: ComplexityClass, _ b: ComplexityClass) -> Bool {
    let pair = Set([a, b])
    return pair == [.linear, .linearithmic] || pair == [.constant, .logarithmic]
  }
}
