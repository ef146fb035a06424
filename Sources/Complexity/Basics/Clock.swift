import Foundation

/// The monotonic clock in-process timings read.
enum MonotonicClock {
  /// Nanoseconds since an arbitrary, fixed point.
  @inline(__always)
  static func nanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
  }
}

/// Keeps a value alive so the optimiser cannot delete the work that made it.
@inline(never) @_optimize(none)
public func blackHole<T>(_ value: T) {}

/// True when this library was compiled without optimisation: in-process
/// timings then measure unoptimised code.
package var isDebugBuild: Bool {
  #if DEBUG
    return true
  #else
    return false
  #endif
}
