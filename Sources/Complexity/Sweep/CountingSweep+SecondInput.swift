/// A second input: whether the class holds for more than the one input
/// each size happened to get.
///
/// Counts repeat exactly only for one input: a hash table's layout depends
/// on its seed, and Swift seeds each `Set`, `Dictionary` and `OrderedSet`
/// by its address, so its O(1) probes cost each size a different constant.
/// One table per size puts an offset on each point that its repeats cannot
/// see (`swift.OrderedSet.removeFirst`: 1 431 to 3 221 instructions per
/// call at n = 32 over 72 recorded runs, against at most 4% between the
/// counts of one run at n = 32). Over the catalog's sizes it left O(n) and
/// O(n log n) apart by less than the fit could tell in 2 of those runs;
/// over n = 32…2048, where the offset is as large as the O(n) part, it made
/// O(sqrt n) a confident class in 2 of 8 runs (AMD EPYC), which no residual
/// resampling questions: a curve of the wrong class bends through the
/// offsets. So every op whose inputs can differ is counted on a second
/// input whether or not the first settled its class, and the classifier
/// draws one input's count per size (its step 7).
extension CountingSweep {
  /// Sizes counted on a second input before the rest are.
  static let probeSizes = 3

  /// `first`'s sizes counted again on fresh inputs, built while the first
  /// were alive (so elsewhere in memory), and the class of both.
  ///
  /// The smallest `probeSizes` come first: an offset per input is largest
  /// beside the smallest counts, and they are cheap. Where they count the
  /// same within `noisySpread`, where an input lands does not move this
  /// op's counts (an `Array`'s, mostly), and nothing more is counted on a
  /// second input. Otherwise every other size is counted on it too, the
  /// fewest count of both is fitted, and the class must hold for draws of
  /// one input per size. Where the class is then open, the sizes of the
  /// grid's later passes that the first input's passes skipped are
  /// counted pass by pass until it settles, as for any open class: on two
  /// inputs each where inputs differ, so that every size's fitted value is
  /// the fewest of two.
  ///
  /// - Throws: `SweepFailure`, with every input's points counted.
  func countSecondInput<S: Subject>(
    _ subject: inout S, first: [Point], grid: [Int], delegate: (SweepEvent) -> Void
  ) throws -> (points: [Point], classification: Classification) {
    // At each size, one input's points in `one` and another's in `other`.
    var one = first
    var other: [Point] = []
    func counted() -> [Point] { (one + other).mergedBySize() }
    func more(_ sizes: [Int]) throws -> [Point] {
      do {
        return try count(&subject, sizes: sizes, adding: [], known: counted(), delegate: delegate)
      } catch let failure as SweepFailure {
        throw failure.including(counted())
      }
    }
    do {
      try subject.forgetInputs()
      let sizes = first.map(\.n)
      let probed = try more(Array(sizes.prefix(Self.probeSizes)))
      other = probed
      let differ = Self.widestGap(first, probed).map { $0.gap > Self.noisySpread } == true
      if differ, sizes.count > Self.probeSizes {
        other += try more(Array(sizes.dropFirst(Self.probeSizes)))
      }
      var classification = try classifier.classify(counted(), inputs: differ ? [one, other] : [])
      for pass in Self.passes(over: grid).dropFirst() where classification.outcome.settled == nil {
        let skipped = pass.filter { n in !counted().contains { $0.n == n } }
        guard !skipped.isEmpty else { continue }
        other += try more(skipped)
        if differ {
          try subject.forgetInputs()
          one += try more(skipped)
        }
        classification = try classifier.classify(counted(), inputs: differ ? [one, other] : [])
      }
      classification.notes.insert(
        differ
          ? Self.secondInputNote(first: one, again: other) : Self.sameInputsNote(probed),
        at: 0)
      return (counted(), classification)
    } catch let failure as SweepFailure {
      throw failure
    } catch {
      throw SweepFailure(size: nil, underlying: error, partial: counted())
    }
  }

  /// The size where the two inputs' fewest counts differ most, and by how
  /// much (largest over smallest, less one); nil where they share no size.
  static func widestGap(_ first: [Point], _ again: [Point]) -> (n: Int, gap: Double)? {
    again.compactMap { b -> (n: Int, gap: Double)? in
      guard let a = first.first(where: { $0.n == b.n }), min(a.best, b.best) > 0 else {
        return nil
      }
      return (b.n, max(a.best, b.best) / min(a.best, b.best) - 1)
    }
    .max { $0.gap < $1.gap }
  }

  /// What a result counted on two inputs that differ says: why, and how
  /// far apart the two inputs' fewest counts were.
  static func secondInputNote(first: [Point], again: [Point]) -> String {
    secondInputPrefix
      + (widestGap(first, again).map {
        String(
          format: "; the two inputs' fewest counts differ by up to %.1f%% (at n = %d)",
          $0.gap * 100, $0.n)
      } ?? "")
  }

  /// How the note of a result counted on two inputs that differ begins.
  static let secondInputPrefix =
    "counted on a second input at every size (built while the first was alive, so "
    + "elsewhere in memory: a table seeded by its address gets another layout); the fewest "
    + "count of both is fitted at each size"

  /// What a result whose second input counted the same says.
  static func sameInputsNote(_ again: [Point]) -> String {
    "fresh inputs (built elsewhere in memory) count the same within "
      + String(format: "%.0f%%", noisySpread * 100) + " at n = "
      + again.map { "\($0.n)" }.joined(separator: ", ")
      + ": where this op's input lands does not move its counts"
  }
}
