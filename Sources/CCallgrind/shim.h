#pragma once
// Callgrind's client requests, as functions Swift can call. The requests
// themselves are macros of inline assembly in valgrind's headers; they do
// nothing (a few instructions) when the process is not under valgrind.
//
// The functions are static inline, compiled by the Swift compiler's clang
// into the module that calls them: a C target's own object file would
// carry DWARF 5 debug information (clang's default), which valgrind 3.19's
// reader rejects ("unhandled dwarf2 abbrev form code 0x25"), refusing to
// run the whole program.
//
// Without valgrind's headers (valgrind not installed), every function is a
// stub and complexity_callgrind_compiled_in() says so.

#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define COMPLEXITY_HAS_CALLGRIND 1
#endif
#endif

#ifdef COMPLEXITY_HAS_CALLGRIND

/// 1 when valgrind's headers were found at build time, else 0.
static inline int complexity_callgrind_compiled_in(void) { return 1; }

/// How many valgrinds the process runs under (0 natively, 1 under valgrind).
static inline unsigned complexity_running_on_valgrind(void) {
  return RUNNING_ON_VALGRIND;
}

/// Switches callgrind's collection of costs on if off, off if on.
static inline void complexity_callgrind_toggle_collect(void) {
  CALLGRIND_TOGGLE_COLLECT;
}

/// Switches callgrind's instrumentation on (a no-op when it is on): a
/// process started with --instr-atstart=no runs uninstrumented, about
/// twice as fast and blind to toggles and costs, until it asks.
static inline void complexity_callgrind_start_instrumentation(void) {
  CALLGRIND_START_INSTRUMENTATION;
}

/// Makes callgrind write what it collected since the last dump to a new
/// dump file, and zero its counters. `reason` goes to the dump's `desc:`.
static inline void complexity_callgrind_dump(const char *reason) {
  CALLGRIND_DUMP_STATS_AT(reason);
}

#else

static inline int complexity_callgrind_compiled_in(void) { return 0; }
static inline unsigned complexity_running_on_valgrind(void) { return 0; }
static inline void complexity_callgrind_toggle_collect(void) {}
static inline void complexity_callgrind_start_instrumentation(void) {}
static inline void complexity_callgrind_dump(const char *reason) { (void)reason; }

#endif
