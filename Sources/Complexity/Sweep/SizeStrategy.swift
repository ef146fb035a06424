/// How one operation's sweep chooses its sizes: adaptively by the clock
/// (`AdaptiveSweep`), or the coarse half of the grid first for counts
/// (`CountingSweep`). Both answer with one `SweepOutcome`.
package protocol SizeStrategy: Sendable {
  /// Measures `subject` over `grid` (the plan's sizes for the operation);
  /// `extendable` says whether sizes past the grid may be added.
  ///
  /// - Throws: `SweepFailure`, with the points measured so far.
  func run<S: Subject>(
    _ subject: inout S, grid: [Int], extendable: Bool, delegate: (SweepEvent) -> Void
  ) throws -> SweepOutcome
}

extension SizeStrategy {
  /// The sizes both strategies measure first: every other size of `grid`
  /// (a power of two apart at two per octave) and its largest, or the whole
  /// grid when that leaves too few to fit.
  static func coarseHalf(of grid: [Int]) -> [Int] {
    let coarse = grid.enumerated().filter { $0.offset % 2 == 0 || $0.offset == grid.count - 1 }
      .map(\.element)
    return coarse.count >= Classifier.minimumSizes ? coarse : grid
  }
}
