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
    /// The folder to write the harness's files into; nil: the folder
    /// every harness shares (`PythonHarness.sharedFolder`), else a
    /// temporary folder of the harness's own, removed when it goes.
    package var directory: URL?
    /// Whether the interpreter imports `site` as it starts. The catalog's
    /// code needs nothing from site-packages, and under valgrind `site`
    /// (its `.pth` files: certifi's alone) costs about 2.5 s of a 4.5 s
    /// start; a user's code may import from site-packages, so it keeps it.
    package var site: Bool
    /// Requests sent right after the greeting, in order, by every start of
    /// the interpreter (a restart too): `instrument` under callgrind.
    package var startCommands: [String]
    /// Whether the interpreter quits at once (`os._exit`), skipping its
    /// teardown: under valgrind that teardown takes most of a second. Only
    /// for code that leaves nothing to clean up (no child processes).
    package var quitsAtOnce: Bool

    package init(
      wrapper: [String] = [], environment: [String: String] = [:], directory: URL? = nil,
      site: Bool = true, startCommands: [String] = [], quitsAtOnce: Bool = false
    ) {
      self.wrapper = wrapper
      self.environment = environment
      self.directory = directory
      self.site = site
      self.startCommands = startCommands
      self.quitsAtOnce = quitsAtOnce
    }
  }

  /// A start command (`Launch.startCommands`) the harness refused: the
  /// interpreter runs, but cannot do what the launch needs.
  package struct StartCommandRefused: Error {
    package var command: String
    package var reason: String
  }
}
