import Dispatch
import Foundation

/// What a run leaves on the machine while it works: temporary folders
/// (callgrind's dumps, the harness's files) and child processes. Each is
/// registered as it is made and removed as its owner ends; on SIGINT,
/// SIGTERM or SIGHUP, whatever is still registered is removed (children
/// killed, folders deleted) before the tool exits with 128 + the signal.
package enum Leftovers {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var folders: Set<URL> = []
  nonisolated(unsafe) private static var children: Set<Int32> = []
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  nonisolated(unsafe) private static var atExitInstalled = false

  /// A temporary folder to remove if the run is interrupted, or ends
  /// while the folder's owner is still alive.
  package static func register(folder: URL) {
    locked {
      if !atExitInstalled {
        atexit { Leftovers.removeFolders() }
        atExitInstalled = true
      }
      _ = folders.insert(folder)
    }
  }

  /// Removes every registered folder (at exit).
  private static func removeFolders() {
    for dir in locked({ folders }) { try? FileManager.default.removeItem(at: dir) }
  }

  /// Removes a registered folder now.
  package static func remove(folder: URL) {
    try? FileManager.default.removeItem(at: folder)
    locked { _ = folders.remove(folder) }
  }

  /// A child process to kill if the run is interrupted.
  package static func register(child pid: Int32) { locked { _ = children.insert(pid) } }

  /// A child process that has ended.
  package static func ended(child pid: Int32) { locked { _ = children.remove(pid) } }

  /// Cleans up on SIGINT, SIGTERM and SIGHUP, then exits 128 + the signal.
  /// (The handlers run on a dispatch queue, not in signal context.)
  package static func cleanUpOnSignals() {
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler {
        let (pids, dirs) = locked { (children, folders) }
        for pid in pids { kill(pid, SIGKILL) }
        for dir in dirs { try? FileManager.default.removeItem(at: dir) }
        exit(128 + sig)
      }
      source.resume()
      locked { sources.append(source) }
    }
  }

  private static func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }
}
