import Foundation

/// The folder of what the tool keeps between runs: instruction counts
/// (`CountCache`) and, in `harness/`, the CPython harness's files with the
/// interpreter's bytecode of them (`PythonHarness.sharedFolder`).
/// `$COMPLEXITY_CACHE_DIR`, else `$XDG_CACHE_HOME/complexity/counts`, else
/// `~/.cache/complexity/counts`.
package enum CacheFolder {
  /// The folder for `environment` (see the type's comment).
  package static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let dir = environment["COMPLEXITY_CACHE_DIR"], !dir.isEmpty {
      return URL(fileURLWithPath: dir)
    }
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory())
        + "/.cache")
    return URL(fileURLWithPath: base).appendingPathComponent("complexity/counts")
  }

  /// 64-bit FNV-1a of the string's UTF-8 bytes: a file name for a key.
  package static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}
