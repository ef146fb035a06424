import Foundation

/// A claim a recipe makes, in the seed's words, as a comparison between two
/// of its implementations, with the seed's own figures for context:
///
///     {"says": "a list comprehension builds a list faster than an append loop",
///      "seed": "183 ms against 311 ms at n = 10^6",
///      "faster": "comprehension", "than": "loop", "at": 1000000}
///
/// The quantity judged is the speed-up of `faster` over `than`,
///
///     r = t(than) / t(faster)        (per round, paired: rounds interleave)
///
/// and the claim is `r ≥ atLeast` (default 1: "faster"), or `r ≤ atMost`
/// ("no faster": `atMost` 1). In a scaling race (`speedsUp` instead of
/// `faster`/`than`) r is one implementation's speed-up from the fewest
/// workers to the most, `t(fewest) / t(most)`. r is the median over
/// rounds, and its interval the distribution-free one for a median
/// (`medianInterval`: order statistics, at least 95%); the claim **holds**
/// when the whole interval is on its side, **does not hold** when the
/// whole interval is on the other, and otherwise this machine **cannot
/// tell**: an interval that spans the threshold never names a winner.
package struct RaceClaim: Codable, Sendable, Equatable {
  /// The claim, in the seed's words.
  package var says: String
  /// The seed's own figures, quoted as context.
  package var seed: String?
  /// The implementation claimed faster, and the one it is faster than.
  package var faster: String?
  package var than: String?
  /// In a scaling race: the implementation claimed to speed up with workers.
  package var speedsUp: String?
  /// The least speed-up claimed (default 1), or the most (for "no faster").
  package var atLeast: Double?
  package var atMost: Double?
  /// The size the seed made the claim at; judged at the nearest size raced.
  package var at: Int?
  /// The workers the seed's claim used (`Pool(5)`): on fewer cores the
  /// answer says it judged with what the machine has.
  package var cores: Int?
  /// What the claim is about: time (nil, the default), or `memory` (then
  /// "faster" reads "needs less memory", and a race run with
  /// `--metric memory` answers it).
  package var metric: Metric?

  /// The claim's side of the threshold: `r ≥ atLeast` or `r ≤ atMost`.
  package var threshold: Double { atMost ?? atLeast ?? 1 }
  package var wantsAtMost: Bool { atMost != nil }

  /// The names the claim refers to.
  package var names: [String] { [faster, than, speedsUp].compactMap { $0 } }

  /// How a claim came out.
  package enum Answer: String, Codable, Sendable {
    case holds
    case doesNotHold = "does not hold"
    case cannotTell = "cannot tell on this machine"
  }

  /// The answer for speed-ups `low…high` (and `ratio` between them).
  package func answer(low: Double, high: Double) -> Answer {
    let t = threshold
    if wantsAtMost {
      return high <= t ? .holds : low > t ? .doesNotHold : .cannotTell
    }
    return low >= t ? .holds : high < t ? .doesNotHold : .cannotTell
  }

  /// The median of `values` and a distribution-free interval for it at
  /// `level` or more: the order statistics `x(k) … x(m+1-k)` with the
  /// largest k for which `P(Binomial(m, ½) < k) ≤ (1 - level) / 2`. With 7
  /// rounds that is the whole range; with 15, the 4th to the 12th: one
  /// stray round no longer moves the answer.
  package static func medianInterval(
    _ values: [Double], level: Double = 0.95
  )
    -> (median: Double, low: Double, high: Double)?
  {
    let x = values.filter(\.isFinite).sorted()
    let m = x.count
    guard m > 0 else { return nil }
    let median = m % 2 == 1 ? x[m / 2] : (x[m / 2 - 1] + x[m / 2]) / 2
    // P(B < k) for B ~ Binomial(m, 1/2), accumulated term by term.
    var k = 1
    var below = pow(0.5, Double(m))  // P(B = 0) = P(B < 1)
    var term = below
    while k < m / 2 {
      term *= Double(m - (k - 1)) / Double(k)  // P(B = k) from P(B = k - 1)
      guard below + term <= (1 - level) / 2 else { break }
      below += term
      k += 1
    }
    return (median, x[k - 1], x[m - k])
  }

  /// Checks the claim against the recipe's implementations and kind.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming what is wrong.
  func validate(names known: [String], scaling: Bool, index: Int) throws {
    let place = "claims[\(index)]"
    if scaling {
      guard speedsUp != nil, faster == nil, than == nil else {
        throw ComplexityError(
          .badInput, "\(place): a scaling race's claim names \"speedsUp\": an implementation")
      }
    } else {
      guard faster != nil, than != nil, speedsUp == nil else {
        throw ComplexityError(
          .badInput, "\(place): a claim names \"faster\" and \"than\": two implementations")
      }
    }
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw ComplexityError(
        .badInput,
        "\(place) names '\(unknown)', which is not an implementation: "
          + known.joined(separator: ", "))
    }
    if atLeast != nil && atMost != nil {
      throw ComplexityError(.badInput, "\(place): give \"atLeast\" or \"atMost\", not both")
    }
    if let t = atLeast ?? atMost, !(t > 0 && t.isFinite) {
      throw ComplexityError(.badInput, "\(place): the factor must be a positive number")
    }
  }
}
