import Foundation

extension PythonHarness {
  /// How the interpreter is started: directly, or under a tool that
  /// watches it (valgrind, for instruction counts).
  package struct Launch: Sendable, Equatable {
    /// Command words put before the interpreter's path, e.g. valgrind and
    /// its options; empty to run the interpreter itself.
    package var wrapper: [String]
    /// Variables set in the interpreter's environment, over the inherited ones.
    package var environment: [String: String]
    /// The folder to write the harness's files into; nil: a temporary
    /// folder of the harness's own, removed when it goes.
    package var directory: URL?

    package init(
      wrapper: [String] = [], environment: [String: String] = [:], directory: URL? = nil
    ) {
      self.wrapper = wrapper
      self.environment = environment
      self.directory = directory
    }
  }
}
