import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A lock on an output that one run writes as it goes (results, journal):
/// a second run asking for the same output is refused, and told which
/// process holds it, instead of interleaving its lines with the first's.
///
/// The lock is `flock` on `PATH.lock`, which holds the holder's process
/// id; the kernel releases it when the process ends, however it ends, so
/// a killed run never leaves a stale lock behind.
package final class OutputLock {
  /// The lock file.
  package let path: String
  private let descriptor: Int32

  /// Takes the lock for `output`.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when another process holds
  ///   it (naming it), or the lock file cannot be made.
  package init(for output: String) throws {
    path = output + ".lock"
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw ComplexityError(
        .badInput, "cannot lock \(output): \(String(cString: strerror(errno))) (\(path))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines)
      close(descriptor)
      throw ComplexityError(
        .badInput,
        "\(output) is being written by another complexity run"
          + (holder.map { $0.isEmpty ? "" : " (process \($0))" } ?? "")
          + ": wait for it to finish, or choose another --output")
    }
    let pid = "\(getpid())\n"
    _ = ftruncate(descriptor, 0)
    _ = pid.withCString { Glibc.write(descriptor, $0, strlen($0)) }
  }

  deinit {
    unlink(path)
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
