/// A subject that counts instructions under callgrind in a process of its
/// own: its `time(size:iterations:repeats:)` returns instructions.
package protocol CountingSubject: Subject, AnyObject {
  /// How it counted, and which hazards it handled, for each result's notes.
  var notes: [String] { get }
  /// Stops the counting process and removes its output.
  func stop()
}

extension CallgrindPythonSubject: CountingSubject {}
extension SwiftWorkerSubject: CountingSubject {}
