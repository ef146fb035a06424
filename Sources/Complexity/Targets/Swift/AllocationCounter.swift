import Foundation

/// The bytes a thread allocates while a body runs, counted by the counting
/// allocator (`Sources/CAllocationCounter`), a library preloaded into the
/// measuring process that replaces glibc's `malloc` family with forwarders
/// that count.
///
/// What it sees: every block any code on the measuring thread takes from
/// `malloc`, `calloc`, `realloc`, `aligned_alloc`, `memalign` or
/// `posix_memalign` — every class instance and every array, set,
/// dictionary, string and deque buffer Swift's runtime allocates. What it
/// misses: the stack (`withUnsafeTemporaryAllocation` while it fits),
/// `mmap` called directly, other threads. Bytes are glibc's usable sizes,
/// 8–24 above what was asked for a block.
///
/// The peak is the most held at once **above what was held at the start**:
/// a block allocated before and freed during the body lowers the running
/// count, and the peak never goes below zero.
package struct AllocationCounter {
  /// Bytes counted over one body.
  package struct Bytes: Equatable, Sendable {
    /// The most held at once above the start.
    package var peak: Int
    /// Everything allocated; a reallocation that moves the block counts its
    /// new size, one in place only its growth.
    package var total: Int
  }

  /// The library's file name, found beside the tool's executable.
  package static let libraryName = "libComplexityAllocationCounter.so"
  /// The variable that preloads it.
  package static let preloadVariable = "LD_PRELOAD"

  private typealias Begin = @convention(c) () -> Void
  private typealias End =
    @convention(c) (
      UnsafeMutablePointer<Int64>, UnsafeMutablePointer<Int64>
    ) -> Void

  private let begin: Begin
  private let end: End

  /// The counter of this process, when the library is preloaded into it.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` saying how to preload it.
  package static func current() throws -> AllocationCounter {
    guard let begin = dlsym(nil, "complexity_allocations_begin"),
      let end = dlsym(nil, "complexity_allocations_end")
    else {
      throw ComplexityError(
        .missingTool,
        "allocations are counted by \(libraryName), and it is not loaded in this process: "
          + "run it with \(preloadVariable)=\(library()?.path ?? "PATH/" + libraryName)")
    }
    return AllocationCounter(
      begin: unsafeBitCast(begin, to: Begin.self), end: unsafeBitCast(end, to: End.self))
  }

  /// Whether the library is preloaded into this process.
  package static var isLoaded: Bool { dlsym(nil, "complexity_allocations_begin") != nil }

  /// The library beside `executable` (default: this process's own), built
  /// with the tool; nil when it is not there, or this is not glibc's Linux.
  package static func library(besideExecutable executable: String? = nil) -> URL? {
    #if os(Linux)
      guard let path = executable ?? Bundle.main.executablePath else { return nil }
      let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent(libraryName)
      return FileManager.default.fileExists(atPath: url.path) ? url : nil
    #else
      return nil
    #endif
  }

  /// Runs `body` and returns what this thread allocated in it. Not
  /// reentrant: a nested call starts the count again.
  package func measure(_ body: () throws -> Void) rethrows -> Bytes {
    var peak: Int64 = 0
    var total: Int64 = 0
    begin()
    do {
      try body()
    } catch {
      end(&peak, &total)
      throw error
    }
    end(&peak, &total)
    return Bytes(peak: Int(peak), total: Int(total))
  }
}
