import Foundation

extension RaceResult {
  /// A claim of the recipe answered by the race (see `RaceClaim`).
  package struct ClaimAnswer: Codable, Sendable, Equatable {
    package var claim: RaceClaim
    /// The answer where the seed made the claim (the raced size nearest its
    /// `at`, else the largest), or across worker counts in a scaling race.
    package var answer: RaceClaim.Answer
    /// The size (or worker count) judged, and the speed-up there: the
    /// median over paired rounds, and its interval (`RaceClaim.medianInterval`).
    package var n: Int
    package var ratio: Double
    package var low: Double
    package var high: Double
    /// How many sizes the claim holds at, does not, and cannot tell, over
    /// the whole sweep (nil in a scaling race).
    package var across: [String: Int]?
    /// What the reader should know: fewer cores than the claim used.
    package var notes: [String]
  }

  /// Every claim of the recipe, answered.
  package var answers: [ClaimAnswer] {
    claims.compactMap { claim in isScaling ? scalingAnswer(claim) : sizeAnswer(claim) }
  }

  /// One line per claim, e.g.
  ///
  ///     holds: comprehension faster than loop (seed: 183 ms against 311 ms at n = 10^6):
  ///     1.6x (1.5-1.7 over 7 rounds) at n = 1M; holds at 11 of 11 sizes
  package var claimLines: [String] {
    answers.map { a in
      let seed = a.claim.seed.map { " (seed: \($0))" } ?? ""
      let across =
        a.across.map { counts -> String in
          let total = counts.values.reduce(0, +)
          return "; over the sweep: "
            + [RaceClaim.Answer.holds, .doesNotHold, .cannotTell].compactMap { k in
              counts[k.rawValue].map {
                "\(k == .cannotTell ? "cannot tell" : k.rawValue) at \($0) of \(total) sizes"
              }
            }.joined(separator: ", ")
        } ?? ""
      let notes = a.notes.map { "; " + $0 }.joined()
      return "\(a.answer.rawValue): \(a.claim.says)\(seed): \(describe(a))\(across)\(notes)"
    }
  }

  // MARK: - Implementation details

  /// `1.6x speed-up (1.5-1.7 over rounds) at n = 1M, claimed ≥ 1`.
  private func describe(_ a: ClaimAnswer) -> String {
    let sign = a.claim.wantsAtMost ? "≤" : "≥"
    return "\(Self.factor(a.ratio))x (95% interval \(Self.factor(a.low))-\(Self.factor(a.high)) "
      + "over rounds) at \(variable) = \(SVGChart.sizeLabel(Double(a.n))), claimed \(sign) "
      + "\(Self.factor(a.claim.threshold))"
  }

  /// The speed-up of `faster` over `than` at size `n`: the median of the
  /// round-by-round ratios (rounds interleave, so sample r of each is from
  /// round r), and its interval.
  private func speedup(_ claim: RaceClaim, at n: Int) -> (ratio: Double, low: Double, high: Double)?
  {
    guard
      let fast = entries.first(where: { $0.name == claim.faster })?.points.first(where: {
        $0.n == n
      }),
      let slow = entries.first(where: { $0.name == claim.than })?.points.first(where: { $0.n == n }
      ),
      !fast.samples.isEmpty, !slow.samples.isEmpty
    else { return nil }
    guard let m = RaceClaim.medianInterval(Self.pairedRatios(slow, to: fast)) else { return nil }
    return (m.median, m.low, m.high)
  }

  private func sizeAnswer(_ claim: RaceClaim) -> ClaimAnswer? {
    let sizes = sizes
    guard !sizes.isEmpty else { return nil }
    let judged =
      claim.at.map { at in
        sizes.min { abs(log(Double($0) / Double(at))) < abs(log(Double($1) / Double(at))) }!
      } ?? sizes.last!
    guard let s = speedup(claim, at: judged) else { return nil }
    var across: [String: Int] = [:]
    for n in sizes {
      if let t = speedup(claim, at: n) {
        across[claim.answer(low: t.low, high: t.high).rawValue, default: 0] += 1
      }
    }
    var notes: [String] = []
    if let at = claim.at, Double(judged) < 0.7 * Double(at) || Double(judged) > 1.4 * Double(at) {
      notes.append("the seed's n = \(at) was not raced; judged at the nearest size")
    }
    return ClaimAnswer(
      claim: claim, answer: claim.answer(low: s.low, high: s.high), n: judged, ratio: s.ratio,
      low: s.low, high: s.high, across: across, notes: notes + coresNote(claim))
  }

  /// A scaling claim: the implementation's speed-up from the fewest workers
  /// raced to the most, a ratio of the two medians; rounds are not paired
  /// across worker counts, so its interval joins the ends of the two
  /// medians' intervals (the widest the two allow).
  private func scalingAnswer(_ claim: RaceClaim) -> ClaimAnswer? {
    let sizes = sizes
    guard let name = claim.speedsUp, let first = sizes.first, let last = sizes.last, last > first,
      let entry = entries.first(where: { $0.name == name }),
      let p0 = entry.points.first(where: { $0.n == first }),
      let p1 = entry.points.first(where: { $0.n == last }),
      let t0 = RaceClaim.medianInterval(p0.samples), let t1 = RaceClaim.medianInterval(p1.samples)
    else { return nil }
    let (low, high) = (t0.low / t1.high, t0.high / t1.low)
    return ClaimAnswer(
      claim: claim, answer: claim.answer(low: low, high: high), n: last,
      ratio: t0.median / t1.median, low: low, high: high, across: nil, notes: coresNote(claim))
  }

  private func coresNote(_ claim: RaceClaim) -> [String] {
    guard let wanted = claim.cores, let cores, cores < wanted else { return [] }
    return [
      "the seed's claim used \(wanted) workers; this machine has \(cores) cores, so it was "
        + "judged with what the machine allows"
    ]
  }
}
