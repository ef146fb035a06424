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

  /// How long an entry of the cache folder (a count, a harness folder) is
  /// kept unused: every rebuild of the tool or the interpreter makes new
  /// keys, and the old entries would otherwise stay for ever.
  package static let keptUnused: TimeInterval = 30 * 24 * 3600

  /// Marks `url` as used now (its modification time), for `removeUnused`.
  package static func touch(_ url: URL, now: Date = Date()) {
    try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: url.path)
  }

  /// When `url` was last used (`touch`ed, or written): its modification
  /// time; nil when it cannot be read (none there).
  package static func lastUsed(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  /// Removes the items of `folder` that `matching` selects (by name) and
  /// that were not used (`touch`ed, or written) within `age` seconds of
  /// `now`. What cannot be read or removed is left: this is tidying, and a
  /// run never fails for it.
  package static func removeUnused(
    in folder: URL, olderThan age: TimeInterval = keptUnused, now: Date = Date(),
    matching: (String) -> Bool
  ) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where matching(name) {
      let url = folder.appendingPathComponent(name)
      guard let used = lastUsed(url), now.timeIntervalSince(used) > age else { continue }
      try? FileManager.default.removeItem(at: url)
    }
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
