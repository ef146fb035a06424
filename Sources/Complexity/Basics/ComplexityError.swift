/// An error a user can act on: it says what was wrong and what would be right.
///
/// The command-line tool prints `description` on one line and exits with
/// status 2; library callers can branch on `kind`.
public struct ComplexityError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong, for callers that need to branch.
  public enum Kind: String, Sendable {
    /// The input (a file, a number, an op id) is not what the tool accepts.
    case badInput
    /// The fitter could not produce a fit (a GSL status, too few points).
    case fit
    /// The subject being timed failed (the interpreter crashed, hung, refused).
    case subject
    /// An interpreter or tool the run needs is missing.
    case missingTool
    /// A call ran past the time it was given and was stopped.
    case timedOut
  }

  public var kind: Kind
  public var description: String

  public init(_ kind: Kind = .badInput, _ description: String) {
    self.kind = kind
    self.description = description
  }
}
