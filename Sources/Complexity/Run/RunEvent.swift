/// Progress of a run over several operations, for progress lines and
/// write-as-you-go saving.
package enum RunEvent {
  /// An operation's instructions were counted (or read from the cache),
  /// `done` of `of` ops to count; counts finish in any order.
  case counted(OperationResult, done: Int, of: Int, cached: Bool)
  /// An operation's sweep is starting.
  case startOperation(Operation, index: Int, of: Int)
  /// An event from inside the operation's sweep.
  case sweep(Operation, SweepEvent)
  /// An operation is done (classified, or failed with its reason).
  case finishOperation(OperationResult, index: Int, of: Int)
  /// Something the user should know that does not stop the run (the
  /// journal could not be written).
  case warning(String)
}
