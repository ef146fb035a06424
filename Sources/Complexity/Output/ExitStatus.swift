/// The exit statuses of every command, in one place (`--help` and the
/// README list them).
package enum ExitStatus: Int32, CaseIterable {
  /// Every class measured agrees with its documented (or expected) one,
  /// and nothing failed.
  case agree = 0
  /// A measured class differs from the documented or expected one (or,
  /// with `--baseline`, from the stored run's); a race implementation
  /// could not be classified.
  case differs = 1
  /// Bad usage or bad input, or a missing tool: nothing was measured.
  case badInput = 2
  /// An operation failed to be measured (its interpreter crashed, it ran
  /// out of memory, a count could not be taken); the others' results stand.
  case failed = 3

  /// The lines `--help` shows.
  package static let help = """
    Exit status: 0 when every measured class agrees with its documented one; 1 when \
    one differs (or, with --baseline, changed); 2 for bad usage, bad input or a \
    missing tool; 3 when an operation failed to be measured (the others' results \
    are kept and reported).
    """

  /// A run's status when it was compared with a baseline: a failure
  /// outranks the verdicts (nothing may pass with an op unmeasured); else
  /// the comparison's (1 when a class or formula changed), not the
  /// documentation's.
  package static func of(run: Int32, comparedWithBaseline comparison: Int32) -> Int32 {
    run == failed.rawValue ? run : comparison
  }
}
