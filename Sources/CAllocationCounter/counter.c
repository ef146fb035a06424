// A counting front for glibc's allocator, preloaded into a measuring
// process: the bytes one thread allocates between
// complexity_allocations_begin and complexity_allocations_end, the most it
// held at once (the peak) and the total.
//
// glibc lets a program replace malloc by defining it first (its manual,
// "Replacing malloc"): a preloaded library's malloc, free, calloc, realloc,
// aligned_alloc, memalign and posix_memalign are every library's. Each
// forwards to glibc's own (__libc_malloc and kin), so every block stays
// glibc's whoever frees it, and counts only while counting is on, on the
// thread that began (another thread's allocations are not the op's).
//
// Bytes are usable sizes (malloc_usable_size), the same on the way in and
// out: a block counts what glibc gave, 8 to 24 bytes above what was asked.
//
// Never linked into the tool: valgrind 3.19 cannot read the DWARF 5 debug
// information of a C object, and a counting worker runs under valgrind.

#include "complexity_allocations.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>

#if defined(__GLIBC__)

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *block);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern size_t malloc_usable_size(void *block);

static int counting_on;
static pthread_t counting_thread;
static int64_t current, peak, total;

/// Whether this call is one to count: counting is on, on this thread.
static int counting(void) {
  return __atomic_load_n(&counting_on, __ATOMIC_ACQUIRE)
    && pthread_equal(counting_thread, pthread_self());
}

static void gained(void *block) {
  if (block == NULL || !counting()) return;
  int64_t size = (int64_t)malloc_usable_size(block);
  current += size;
  total += size;
  if (current > peak) peak = current;
}

static void lost(void *block) {
  if (block == NULL || !counting()) return;
  current -= (int64_t)malloc_usable_size(block);
}

void complexity_allocations_begin(void) {
  current = 0;
  peak = 0;
  total = 0;
  counting_thread = pthread_self();
  __atomic_store_n(&counting_on, 1, __ATOMIC_RELEASE);
}

void complexity_allocations_end(int64_t *peak_out, int64_t *total_out) {
  __atomic_store_n(&counting_on, 0, __ATOMIC_RELEASE);
  *peak_out = peak;
  *total_out = total;
}

void *malloc(size_t size) {
  void *block = __libc_malloc(size);
  gained(block);
  return block;
}

void free(void *block) {
  lost(block);
  __libc_free(block);
}

void *calloc(size_t count, size_t size) {
  void *block = __libc_calloc(count, size);
  gained(block);
  return block;
}

/// A reallocation that moves the block frees the old and allocates the
/// new: the total counts the new size whole. One that grows it in place
/// allocates only the growth, and one that shrinks it allocates nothing.
void *realloc(void *block, size_t size) {
  int mine = counting();
  int64_t old = block != NULL && mine ? (int64_t)malloc_usable_size(block) : 0;
  void *moved = __libc_realloc(block, size);
  if (moved == NULL && size != 0) return NULL;  // failed: the old block stands
  if (!mine) return moved;
  int64_t now = moved != NULL ? (int64_t)malloc_usable_size(moved) : 0;
  current += now - old;
  total += moved == block ? (now > old ? now - old : 0) : now;
  if (current > peak) peak = current;
  return moved;
}

void *memalign(size_t alignment, size_t size) {
  void *block = __libc_memalign(alignment, size);
  gained(block);
  return block;
}

void *aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  void *block = memalign(alignment, size);
  if (block == NULL) return ENOMEM;
  *out = block;
  return 0;
}

#else

// Not glibc: nothing is replaced, and nothing is counted.
void complexity_allocations_begin(void) {}
void complexity_allocations_end(int64_t *peak_out, int64_t *total_out) {
  *peak_out = -1;
  *total_out = -1;
}

#endif
