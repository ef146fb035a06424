import Foundation

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
/// draws the inputs of each size again (its step 7).
extension CountingSweep {
  /// Sizes counted on a second input before the rest are.
  static let probeSizes = 3

  /// Inputs counted at every size, at most, where the class stays open.
  static let maximumInputs = 6

  /// `first`'s sizes counted again on fresh inputs, built while the first
  /// were alive (so elsewhere in memory), and the class of all.
  ///
  /// The smallest `probeSizes` come first: an offset per input is largest
  /// beside the smallest counts, and they are cheap. Where they count the
  /// same within `noisySpread`, where an input lands does not move this
  /// op's counts (an `Array`'s, mostly), and nothing more is counted on a
  /// second input. Otherwise every other size is counted on it too, the
  /// median of the inputs' fewest counts is fitted at each size
  /// (`Classifier.inputMedians`), and the class must
  /// hold for the classifier's draws of the inputs per size (its step 7).
  /// Where the class is then open, the sizes of the grid's later passes
  /// that the first input's passes skipped are counted pass by pass until
  /// it settles, as for any open class, on two inputs each; and where it
  /// is open after the grid, further inputs are counted at every size, up
  /// to `maximumInputs`: the median of more inputs moves less with any
  /// one input's layout.
  ///
  /// - Throws: `SweepFailure`, with every input's points counted.
  func countSecondInput<S: Subject>(
    _ subject: inout S, first: [Point], grid: [Int], delegate: (SweepEvent) -> Void
  ) throws -> (points: [Point], classification: Classification) {
    // The inputs' points, one list per build of each size: the first holds
    // the first input's and, at sizes its passes skipped, a third's.
    var inputs = [first]
    func counted() -> [Point] { Array(inputs.joined()).mergedBySize() }
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
      inputs.append(probed)
      let differ = Self.widestGap([first, probed]).map { $0.gap > Self.noisySpread } == true
      func classify() throws -> Classification {
        try Self.classifier(classifier, looking: inputs.count)
          .classify(counted(), inputs: differ ? inputs : [])
      }
      if differ, sizes.count > Self.probeSizes {
        inputs[1] += try more(Array(sizes.dropFirst(Self.probeSizes)))
      }
      var classification = try classify()
      for pass in Self.passes(over: grid).dropFirst() where classification.outcome.settled == nil {
        let have = Set(counted().map(\.n))
        let skipped = pass.filter { !have.contains($0) }
        guard !skipped.isEmpty else { continue }
        inputs[1] += try more(skipped)
        if differ {
          try subject.forgetInputs()
          inputs[0] += try more(skipped)
        }
        classification = try classify()
      }
      while differ, classification.outcome.settled == nil, inputs.count < Self.maximumInputs {
        try subject.forgetInputs()
        inputs.append(try more(counted().map(\.n)))
        classification = try classify()
      }
      classification.notes.insert(
        differ
          ? Self.secondInputNote(inputs)
          : Self.sameInputsNote(probed),
        at: 0)
      return (counted(), classification)
    } catch let failure as SweepFailure {
      throw failure
    } catch {
      throw SweepFailure(size: nil, underlying: error, partial: counted())
    }
  }

  /// `classifier` for a look at the class on `inputs` inputs: each input
  /// past the second is counted only because the class was still open, and
  /// each look is another chance to pass the confidence bar by luck
  /// (`swift.OrderedSet.removeFirst` over n = 32…2048 settled O(sqrt n) at
  /// 93% on a third input in 1 of 8 runs, with no such bar). So the share
  /// of resamples and draws allowed to disagree halves with each input
  /// added, α_m = α / 2^(m−2) (90%, 95%, 97.5%, … needed for m = 2, 3, 4,
  /// …), and the chance of a confident wrong class over all looks stays
  /// below 2α instead of growing with each.
  static func classifier(_ classifier: Classifier, looking inputs: Int) -> Classifier {
    var strict = classifier
    let looksPast = Double(max(0, inputs - 2))
    strict.minimumConfidence = 1 - (1 - classifier.minimumConfidence) / pow(2, looksPast)
    return strict
  }

  /// The size where the inputs' fewest counts differ most, and by how
  /// much (largest over smallest, less one), among the sizes counted on
  /// more than one; nil where there is none.
  static func widestGap(_ inputs: [[Point]]) -> (n: Int, gap: Double)? {
    let sizes = Array(inputs.joined()).mergedBySize()
    return zip(sizes, Classifier.inputValues(inputs, at: sizes))
      .compactMap { point, values -> (n: Int, gap: Double)? in
        values.count > 1 ? (point.n, values.max()! / values.min()! - 1) : nil
      }
      .max { $0.gap < $1.gap }
  }

  /// What a result counted on inputs that differ says: why, and how far
  /// apart the inputs' fewest counts were (the classifier's note says how
  /// many inputs, and what share of its draws agreed).
  static func secondInputNote(_ inputs: [[Point]]) -> String {
    secondInputPrefix
      + (widestGap(inputs).map {
        String(
          format: "; the inputs' fewest counts differ by up to %.1f%% (at n = %d)",
          $0.gap * 100, $0.n)
      } ?? "")
      + (inputs.count > 2
        ? "; the class still open on two inputs after the grid, more were counted at every size"
        : "")
  }

  /// How the note of a result counted on inputs that differ begins.
  static let secondInputPrefix =
    "counted on fresh inputs too (each built while the earlier were alive, so elsewhere in "
    + "memory: a table seeded by its address gets another layout); the median of the "
    + "inputs' fewest counts is fitted at each size"

  /// What a result whose second input counted the same says.
  static func sameInputsNote(_ again: [Point]) -> String {
    "fresh inputs (built elsewhere in memory) count the same within "
      + String(format: "%.0f%%", noisySpread * 100) + " at n = "
      + again.map { "\($0.n)" }.joined(separator: ", ")
      + ": where this op's input lands does not move its counts"
  }
}
