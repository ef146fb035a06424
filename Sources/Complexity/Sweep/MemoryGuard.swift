#if canImport(Glibc)
  import Glibc
#endif

/// Stops a sweep before a size whose input would not fit in memory.
///
/// The bytes an input needs grow with its size, so they are estimated from
/// the sizes built so far: with `R₀` the subject's resident bytes before
/// the sweep, `R` now, and `Σn` the sizes built (every input stays cached),
/// the next size `n` is expected to bring the process to
///
///     R + 2 · (R − R₀) / Σn · n
///
/// (twice the estimate, since an operation may copy its input). A size
/// whose estimate passes `cap` is not built, whatever `--max-size` says;
/// the sweep stops there with the stop reason `memory`.
package final class MemoryGuard {
  /// Bytes the subject's process may reach: the memory cap, or the
  /// process's address-space limit (`ulimit -v`) when that is lower.
  package let cap: UInt64
  private let baseline: UInt64?
  private var built = 0
  /// The first size refused, once one was.
  package private(set) var refused: Int?

  package init(cap: UInt64, baseline: UInt64?) {
    self.cap = min(cap, Self.addressSpaceLimit ?? .max)
    self.baseline = baseline
  }

  /// Whether size `n` may be built now, given the subject's resident bytes.
  package func allows(_ n: Int, resident: UInt64?) -> Bool {
    if let refused, n >= refused { return false }
    guard let baseline, let now = resident, now > baseline, built > 0 else { return true }
    let perElement = Double(now - baseline) / Double(built)
    guard Double(now) + 2 * perElement * Double(n) > Double(cap) else { return true }
    refused = min(refused ?? n, n)
    return false
  }

  /// Records that size `n` was built.
  package func record(_ n: Int) { built += n }

  /// The soft `RLIMIT_AS` of this process (inherited by its children), or
  /// nil when unlimited.
  static var addressSpaceLimit: UInt64? {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0,
      limit.rlim_cur != rlim_t.max
    else { return nil }
    return UInt64(limit.rlim_cur)
  }
}
