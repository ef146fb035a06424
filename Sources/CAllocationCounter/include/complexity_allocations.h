#pragma once
// The counting allocator's interface. The library is never linked: it is
// preloaded (LD_PRELOAD) into the process whose allocations are counted,
// which finds these functions with dlsym (AllocationCounter.swift).

#include <stdint.h>

/// Starts counting the calling thread's allocations from zero.
void complexity_allocations_begin(void);

/// Stops counting; `peak` is the most the thread held at once above what it
/// held at `begin`, `total` everything it allocated since.
void complexity_allocations_end(int64_t *peak, int64_t *total);
