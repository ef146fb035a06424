import ArgumentParser
import Complexity
import Foundation

extension MetricChoice: ExpressibleByArgument {}

extension MetricChoice {
  /// `--metric` of `sweep` and `time`.
  static let help = ArgumentHelp(
    "time: seconds per op; instructions: instructions per op under valgrind; both; auto: counts decide, time beside; memory: peak bytes per op above its input, the total beside; allocated: bytes per op allocated in all.",
    discussion: """
      A documented Big-O counts steps: instruction counts measure them, and do not vary \
      with the machine, its load or its caches, so their verdicts repeat exactly on any \
      CPU. Time adds the memory hierarchy, which over these sizes can read as a log \
      factor or worse. Auto (the default) counts every op that can be counted (in \
      parallel, one valgrind per core, cached between runs) and times each op after, \
      alone: the class and the verdict are the counts', time's class and cost are shown \
      beside, and where time grows faster the report says by how much and from which n. \
      Without valgrind, auto times only and says that time verdicts depend on this \
      machine. Both: every op counted and fully timed. Time: the clock alone decides. \
      Memory: the peak bytes each call allocates above its input (CPython by tracemalloc, \
      Swift by a counting allocator preloaded into a worker), classed like time, with the \
      bytes it allocates in all beside; allocated: that total as the class (the counting \
      allocator, CPython with PYTHONMALLOC=malloc). Linux (glibc) only for Swift and totals.
      """)
}

/// How instructions are counted (`--count-jobs`, `--no-cache`), for `sweep` and `time`.
struct CountingSelection: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Ops counted at once, one valgrind process each. (default: one per core, at most 8)",
      valueName: "n"))
  var countJobs: Int?

  @Flag(
    help: ArgumentHelp(
      "Count every op again, neither reading counts from the cache nor writing them to it.",
      discussion: """
        Counts are deterministic, so they are kept (in $COMPLEXITY_CACHE_DIR, else \
        $XDG_CACHE_HOME/complexity/counts, else ~/.cache/complexity/counts), keyed by the \
        tool's and the interpreter's binaries, valgrind's version, the op's code, the sizes \
        and the counting options.
        """))
  var noCache = false

  /// The cache to use, or nil.
  var cache: CountCache? { noCache ? nil : CountCache.standard() }

  /// Ops counted at once.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for fewer than 1 or more than 64.
  func jobs() throws -> Int {
    guard let countJobs else { return min(8, ProcessInfo.processInfo.activeProcessorCount) }
    guard (1...64).contains(countJobs) else {
      throw ComplexityError(
        .badInput, "--count-jobs \(countJobs) must be between 1 and 64, e.g. --count-jobs 2")
    }
    return countJobs
  }
}

extension ArgumentHelp {
  /// The help with `(default: …)` after its abstract, for an option whose
  /// default the parser cannot show (an optional resolved later).
  func withDefault(_ text: String) -> ArgumentHelp {
    var help = self
    help.abstract += " (default: \(text))"
    return help
  }
}
