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
  /// op's counts (an `Array`'s, mostly), and nothing more is counted.
  /// Otherwise every other size is counted on the second input too, the
  /// fewest count of both is fitted, and the class must hold for draws of
  /// one input per size. Where that leaves open a class the first input
  /// had settled early, the grid's sizes the first passes skipped are
  /// counted on the second input, as they would have been for an open
  /// class.
  ///
  /// - Throws: `SweepFailure`, with both inputs' points counted.
  func countSecondInput<S: Subject>(
    _ subject: inout S, first: [Point], grid: [Int], delegate: (SweepEvent) -> Void
  ) throws -> (points: [Point], classification: Classification) {
    var again: [Point] = []
    do {
      try subject.forgetInputs()
      let sizes = first.map(\.n)
      let probe = Array(sizes.prefix(Self.probeSizes))
      again = try count(&subject, sizes: probe, adding: again, known: first, delegate: delegate)
      guard Self.widestGap(first, again).map({ $0.gap > Self.noisySpread }) == true else {
        let both = (first + again).mergedBySize()
        var classification = try classify(both)
        classification.notes.append(Self.sameInputsNote(again))
        return (both, classification)
      }
      let rest = Array(sizes.dropFirst(probe.count))
      if !rest.isEmpty {
        again = try count(&subject, sizes: rest, adding: again, known: first, delegate: delegate)
      }
      var classification = try classify((first + again).mergedBySize(), inputs: [first, again])
      let skipped = grid.filter { n in !sizes.contains(n) }
      if classification.outcome.settled == nil, !skipped.isEmpty {
        again = try count(
          &subject, sizes: skipped, adding: again, known: first, delegate: delegate)
        classification = try classify((first + again).mergedBySize(), inputs: [first, again])
      }
      classification.notes.insert(Self.secondInputNote(first: first, again: again), at: 0)
      return ((first + again).mergedBySize(), classification)
    } catch {
      throw Self.failure(error, after: (first + again).mergedBySize())
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
    "counted again at every size with fresh inputs (built while the first were alive, so "
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
