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
