import Foundation

/// Resident memory of a process, from `/proc/PID/statm` (Linux).
package enum ResidentMemory {
  /// Bytes resident, or nil where /proc cannot tell.
  package static func bytes(pid: Int32? = nil) -> UInt64? {
    let path = "/proc/\(pid.map(String.init) ?? "self")/statm"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = UInt64(fields[1]) else { return nil }
    return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// The machine's physical memory.
  package static var physical: UInt64 { ProcessInfo.processInfo.physicalMemory }
}
