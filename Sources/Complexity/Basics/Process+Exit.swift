import Foundation

extension Process {
  /// Waits until the process has exited, for at most `seconds`, looking
  /// every `poll` seconds; whether it has.
  ///
  /// Not `waitUntilExit`: Foundation's, on Linux, runs the run loop in
  /// 50 ms slices, and a wait on the way to every count cost 50–80 ms of
  /// `sweep --op list.pop0`.
  @discardableResult
  func exited(within seconds: Double, poll: Double = 0.005) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while isRunning && Date() < deadline { usleep(useconds_t(poll * 1e6)) }
    return !isRunning
  }
}
