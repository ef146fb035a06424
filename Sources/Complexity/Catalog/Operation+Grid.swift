extension Operation {
  /// A row whose documented cost is in two variables, as the seed writes
  /// it (`O(nk)`, `O(len(s)+len(t))`): the code that sweeps both and the
  /// grid it is swept over (`complexity sweep --two-variables`). The row's
  /// one-variable projection (the other variable fixed) stays its own
  /// sweep; the seed's formula is judged on the grid.
  package struct Grid: Codable, Sendable, Equatable {
    /// The documented formula, in `names`.
    package var documented: String
    /// The two sizes as the seed names them (`n`, `k`; `len(s)`, `len(t)`);
    /// the code sees them as `n` and `k`.
    package var names: [String]
    /// The values of `k`, one column each.
    package var values: [Int]
    /// n's range: the engine's sizes from the first to the last.
    package var n: [Int]
    /// Builds the input from `n` and `k` and runs the statement.
    package var python: PythonCode
  }
}
