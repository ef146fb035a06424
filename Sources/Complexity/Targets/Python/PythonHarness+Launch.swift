extension PythonHarness {
  /// How the interpreter is started: directly, or under a tool that
  /// watches it (valgrind, for instruction counts).
  package struct Launch: Sendable, Equatable {
    /// Command words put before the interpreter's path, e.g. valgrind and
    /// its options; empty to run the interpreter itself.
    package var wrapper: [String]
    /// Variables set in the interpreter's environment, over the inherited ones.
    package var environment: [String: String]
    /// Where to write the harness source, so the interpreter runs it as a
    /// file; nil passes it with `-c`. A wrapper that records the command
    /// line (callgrind writes it into every dump) needs the file: the
    /// source's own lines would break the record's line format.
    package var sourceFile: String?

    package init(
      wrapper: [String] = [], environment: [String: String] = [:], sourceFile: String? = nil
    ) {
      self.wrapper = wrapper
      self.environment = environment
      self.sourceFile = sourceFile
    }
  }
}
