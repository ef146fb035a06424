import DequeModule
import HeapModule
import OrderedCollections

extension SwiftOperations {
  static let collections = "swift-collections 1.6 docs"

  /// `Deque<Int>`.
  static let deque: [SwiftOperation] = [
    .make(
      "swift.Deque.append", "d.append(x)", documented: .constant,
      quote: "\(collections), Deque.append(_:): \"Amortized O(1)\"",
      method: "amortised: blocks of n/2 appends timed, cut back to n untimed before each block",
      mode: .blocks(restore: { d, n in d.removeLast(d.count - n) }),
      setUp: { n in Deque(SwiftInputs.ints(n)) }, run: { d in d.append(7) }),
    .make(
      "swift.Deque.removeFirst", "d.removeFirst()", documented: .constant,
      quote: "\(collections), Deque.removeFirst(): \"O(1) if the underlying storage isn't shared\"",
      method: "each call on n elements; the element is appended back (amortised O(1), included)",
      setUp: { n in Deque(SwiftInputs.ints(n)) }, run: { d in d.append(d.removeFirst()) }),
    .make(
      "swift.Deque.prepend", "d.prepend(x)", documented: .constant,
      quote: "\(collections), Deque.prepend(_:): \"Amortized O(1)\"",
      method: "each call on n elements; the last element is removed again (O(1), included)",
      setUp: { n in Deque(SwiftInputs.ints(n)) },
      run: { d in
        d.prepend(7); return d.removeLast()
      }),
    .make(
      "swift.Deque.insert_middle", "d.insert(x, at: n/2)", documented: .linear,
      quote:
        "\(collections), Deque.insert(_:at:): \"O(count). The operation shifts existing elements either towards the beginning or the end\"",
      method: "each call on n elements; the element is removed again (O(n), included)",
      setUp: { n in Deque(SwiftInputs.ints(n)) },
      run: { d in
        d.insert(7, at: d.count / 2); return d.remove(at: d.count / 2)
      }),
  ]

  /// `OrderedSet<Int>`, timed at powers of two.
  static let orderedSet: [SwiftOperation] = [
    .make(
      "swift.OrderedSet.contains", "s.contains(x)", documented: .constant,
      quote:
        "\(collections), OrderedSet.contains(_:): \"expected to perform O(1) comparisons on average\"",
      method: "elements looked up in a loop, the next by a prime stride", sizing: .powersOfTwo,
      setUp: { n in (OrderedSet(SwiftInputs.ints(n)), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        return p.0.contains(p.1)
      }),
    .make(
      "swift.OrderedSet.append", "s.append(x), x new", documented: .constant,
      quote:
        "\(collections), OrderedSet.append(_:): \"expected to perform O(1) copy, hash, and compare operations on average\"",
      method:
        "each call on n elements, a new element -1 - k with k by a prime stride; it is removed "
        + "again with removeLast() (expected O(1), included)",
      sizing: .powersOfTwo,
      setUp: { n in (OrderedSet(SwiftInputs.ints(n)), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        p.0.append(-1 - p.1)
        return p.0.removeLast()
      }),
    .make(
      "swift.OrderedSet.removeFirst", "s.removeFirst()", documented: .linear,
      quote: "\(collections), OrderedSet.removeFirst(): \"O(count)\"",
      method: "each call on n elements; the element is appended back (expected O(1), included)",
      sizing: .powersOfTwo,
      setUp: { n in OrderedSet(SwiftInputs.ints(n)) }, run: { s in s.append(s.removeFirst()) }),
  ]

  /// `OrderedDictionary<Int, Int>`, timed at powers of two.
  static let orderedDictionary: [SwiftOperation] = [
    .make(
      "swift.OrderedDictionary.subscript_get", "d[k]", documented: .constant,
      quote:
        "\(collections), OrderedDictionary.subscript(key:): lookups \"are expected to take O(1) hashing/comparison operations on average\"",
      method: "keys looked up in a loop, the next by a prime stride", sizing: .powersOfTwo,
      setUp: { n in (orderedDict(n), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        return p.0[p.1]
      }),
    .make(
      "swift.OrderedDictionary.removeValue", "d.removeValue(forKey: k)", documented: .linear,
      quote: "\(collections), OrderedDictionary.removeValue(forKey:): \"O(count)\"",
      method: "each call on n keys, the key in the middle; it is put back at its index with "
        + "updateValue(_:forKey:insertingAt:) (O(count), included)",
      sizing: .powersOfTwo,
      setUp: { n in (orderedDict(n), n / 2) },
      run: { p in
        let value = p.0.removeValue(forKey: p.1)!
        return p.0.updateValue(value, forKey: p.1, insertingAt: p.1)
      }),
  ]

  static func orderedDict(_ n: Int) -> OrderedDictionary<Int, Int> {
    OrderedDictionary(uniqueKeysWithValues: SwiftInputs.ints(n).map { ($0, $0) })
  }

  /// `Heap<Int>`: the catalog's O(log n) rows.
  static let heap: [SwiftOperation] = [
    .make(
      "swift.Heap.insert", "h.insert(x), x a new maximum", documented: .logarithmic,
      quote: "\(collections), Heap.insert(_:): \"O(log(count)) element comparisons\"",
      method:
        "each call on n elements; the maximum is removed again with removeMax() (O(log n), included)",
      setUp: { n in Heap(SwiftInputs.shuffled(n)) },
      run: { h in
        h.insert(Int.max); return h.removeMax()
      }),
    .make(
      "swift.Heap.popMin", "h.popMin()", documented: .logarithmic,
      quote: "\(collections), Heap.popMin(): \"O(log(count)) element comparisons\"",
      method: "each call on n elements; the minimum is inserted back (O(log n), included)",
      setUp: { n in Heap(SwiftInputs.shuffled(n)) },
      run: { h in
        let m = h.popMin()!; h.insert(m)
      }),
    .make(
      "swift.Heap.min", "h.min", documented: .constant,
      quote: "\(collections), Heap.min: \"O(1)\"",
      method: "timed in a loop; the heap is not changed",
      setUp: { n in Heap(SwiftInputs.shuffled(n)) }, run: { h in h.min }),
  ]
}
