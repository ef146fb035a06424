extension SwiftOperations {
  static let stdlib = "Swift standard library docs"

  /// `Array<Int>`.
  static let array: [SwiftOperation] = [
    .make(
      "swift.Array.append", "a.append(x)", documented: .constant,
      quote:
        "\(stdlib), Array.append(_:): \"O(1) on average, over many calls to append(_:) on the same array\"",
      method: "amortised: blocks of n/2 appends timed, cut back to n untimed before each block",
      mode: .blocks(restore: { a, n in a.removeLast(a.count - n) }),
      setUp: SwiftInputs.ints, run: { a in a.append(7) }),
    .make(
      "swift.Array.removeLast", "a.removeLast()", documented: .constant,
      quote: "\(stdlib), Array.removeLast(): \"O(1)\"",
      method: "each call on n elements; the element is appended back (O(1), included)",
      setUp: SwiftInputs.ints, run: { a in a.append(a.removeLast()) }),
    .make(
      "swift.Array.removeFirst", "a.removeFirst()", documented: .linear,
      quote: "\(stdlib), Array.removeFirst(): \"O(n), where n is the length of the array\"",
      method: "each call on n elements; the element is appended back (O(1), included)",
      setUp: SwiftInputs.ints, run: { a in a.append(a.removeFirst()) }),
    .make(
      "swift.Array.insert0", "a.insert(x, at: 0)", documented: .linear,
      quote: "\(stdlib), Array.insert(_:at:): \"O(n), where n is the length of the array\"",
      method: "each call on n elements; the last element is removed again (O(1), included)",
      setUp: SwiftInputs.ints,
      run: { a in
        a.insert(7, at: 0); return a.removeLast()
      }),
    .make(
      "swift.Array.subscript_get", "a[i]", documented: .constant,
      quote: "\(stdlib), Array.subscript(_:): \"Reading an element from an array is O(1)\"",
      method: "one index in the middle, read in a loop",
      setUp: SwiftInputs.ints, run: { a in a[a.count / 2] }),
    .make(
      "swift.Array.subscript_set", "a[i] = x", documented: .constant,
      quote:
        "\(stdlib), Array.subscript(_:): \"Writing is O(1) unless the array's storage is shared\"",
      method: "one index in the middle, written in a loop (the array is uniquely referenced)",
      setUp: SwiftInputs.ints, run: { a in a[a.count / 2] = 7 }),
    .make(
      "swift.Array.contains", "a.contains(x), x absent", documented: .linear,
      quote: "\(stdlib), Sequence.contains(_:): \"O(n), where n is the length of the sequence\"",
      method: "timed in a loop; the array is not changed",
      setUp: SwiftInputs.ints, run: { a in a.contains(-1) }),
    .make(
      "swift.Array.firstIndex", "a.firstIndex(of: x), x absent", documented: .linear,
      quote:
        "\(stdlib), Collection.firstIndex(of:): \"O(n), where n is the length of the collection\"",
      method: "timed in a loop; the array is not changed",
      setUp: SwiftInputs.ints, run: { a in a.firstIndex(of: -1) }),
    .make(
      "swift.Array.sort", "a.sort(), shuffled", documented: .linearithmic,
      quote:
        "\(stdlib), MutableCollection.sort(): \"O(n log n), where n is the length of the collection\"",
      method: "each sort on a fresh shuffled array built untimed; each sort timed alone",
      mode: .fresh, setUp: SwiftInputs.shuffled, run: { a in a.sort() }),
    .make(
      "swift.Array.sort_sorted", "a.sort(), already sorted", documented: .linearithmic,
      quote:
        "\(stdlib), MutableCollection.sort(): \"O(n log n), where n is the length of the collection\"",
      method: "each sort on a fresh sorted array built untimed; each sort timed alone",
      note: "The standard library's sort is a modified timsort (stdlib/public/core/Sort.swift): "
        + "it finds the input's ascending and descending runs first, so sorted input is one "
        + "run and costs n-1 comparisons, O(n). O(n log n) is the bound, not the cost here.",
      mode: .fresh, setUp: SwiftInputs.ints, run: { a in a.sort() }),
    .make(
      "swift.Array.reversed", "a.reversed()", documented: .constant,
      quote: "\(stdlib), BidirectionalCollection.reversed(): \"O(1)\" (a lazy ReversedCollection)",
      method: "timed in a loop; the view is kept alive, not iterated",
      setUp: SwiftInputs.ints, run: { a in a.reversed() }),
    .make(
      "swift.Array.reverse", "a.reverse()", documented: .linear,
      quote: "\(stdlib), MutableCollection.reverse(): \"O(n), where n is the number of elements\"",
      method: "timed in a loop; reversing twice restores the array",
      setUp: SwiftInputs.ints, run: { a in a.reverse() }),
    .make(
      "swift.Array.removeAll", "a.removeAll()", documented: .linear,
      quote:
        "\(stdlib), Array.removeAll(keepingCapacity:): \"O(n), where n is the length of the array\"",
      method: "each call on a fresh array built untimed; each call timed alone",
      note: "For a trivial element type such as Int, removeAll() only releases the buffer: "
        + "no element needs destroying, so freeing it does not depend on n. O(n) is the "
        + "bound for element types that need destroying.",
      mode: .fresh, setUp: SwiftInputs.ints, run: { a in a.removeAll() }),
    .make(
      "swift.Array.eq", "a == b, equal arrays", documented: nil,
      quote:
        "\(stdlib), Array ==: no complexity stated (Sequence.elementsEqual, a different method, is O(m))",
      method: "two equal arrays in separate buffers, compared in a loop",
      setUp: { n in (SwiftInputs.ints(n), SwiftInputs.ints(n)) }, run: { p in p.0 == p.1 }),
    .make(
      "swift.Array.cow_copy_mutate", "var b = a; b[i] = x", documented: nil,
      quote:
        "\(stdlib), Array: \"the first mutating operation ... incurs the cost of copying the array\" (copy-on-write); no class is stated",
      method: "a copy of a shared array is written once: the write pays for the copy",
      setUp: SwiftInputs.ints,
      run: { a -> Int in
        var b = a
        b[b.count / 2] = 7
        return b.count
      }),
    .make(
      "swift.Array.init_sequence", "Array(0..<n)", documented: nil,
      quote: "\(stdlib), Array.init(_:) from a sequence: no complexity stated",
      method: "timed in a loop; the result is released inside the timing",
      setUp: { n in 0..<n }, run: { r in Array(r) }),
    .make(
      "swift.Array.min", "a.min()", documented: .linear,
      quote: "\(stdlib), Sequence.min(): \"O(n), where n is the length of the sequence\"",
      method: "timed in a loop; the array is not changed",
      setUp: SwiftInputs.shuffled, run: { a in a.min() }),
    .make(
      "swift.Array.count", "a.count", documented: .constant,
      quote:
        "\(stdlib), Collection.count: \"O(1) if the collection conforms to RandomAccessCollection\"",
      method: "timed in a loop; the array is not changed",
      setUp: SwiftInputs.ints, run: { a in a.count }),
  ]
}
