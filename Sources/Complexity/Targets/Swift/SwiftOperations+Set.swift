extension SwiftOperations {
  /// `s` of 10 and `t` of n for the set operations swept in `t.count`,
  /// with 16 separately built copies of `s` (16 hash seeds, `setCopies`)
  /// and which of them is next.
  static func smallAgainst(_ n: Int) -> (copies: [Set<Int>], t: Set<Int>, next: Int) {
    (SwiftInputs.setCopies(10), Set(SwiftInputs.ints(n)), 0)
  }

  /// The next copy of `s`, cycling.
  static func nextSmall(_ p: inout (copies: [Set<Int>], t: Set<Int>, next: Int)) -> Set<Int> {
    p.next = (p.next + 1) % p.copies.count
    return p.copies[p.next]
  }

  /// `Set<Int>`, timed at powers of two (equal fill, as CPython's sets).
  static let set: [SwiftOperation] = [
    .make(
      "swift.Set.insert", "s.insert(x), x new", documented: nil,
      quote:
        "\(stdlib), Set.insert(_:): no complexity stated (Set.swift: \"complexity docs are broadly missing in this file\")",
      method:
        "amortised: blocks of n/2 new elements inserted, removed again untimed before each block",
      sizing: .powersOfTwo,
      mode: .blocks(restore: { p, n in
        for k in n..<p.1 { p.0.remove(k + 1) }
        p.1 = n
      }),
      setUp: { n in (Set(SwiftInputs.ints(n)), n) },
      run: { (p: inout (Set<Int>, Int)) in
        p.1 += 1; return p.0.insert(p.1).inserted
      }),
    .make(
      "swift.Set.contains", "s.contains(x)", documented: .constant,
      quote: "\(stdlib), Set.contains(_:): \"O(1)\"",
      method: "elements looked up in a loop, the next by a prime stride", sizing: .powersOfTwo,
      setUp: { n in (Set(SwiftInputs.ints(n)), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        return p.0.contains(p.1)
      }),
    .make(
      "swift.Set.remove", "s.remove(x)", documented: nil,
      quote: "\(stdlib), Set.remove(_:): no complexity stated",
      method:
        "each call on n elements, the next of them by a prime stride; the element is "
        + "inserted back (O(1), included)",
      sizing: .powersOfTwo,
      setUp: { n in (Set(SwiftInputs.ints(n)), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        return p.0.insert(p.0.remove(p.1)!).inserted
      }),
    .make(
      "swift.Set.union", "s.union(t), disjoint", swept: "n = s.count = t.count",
      documented: nil,
      quote: "\(stdlib), Set.union(_:): no complexity stated",
      method: "timed in a loop; the result is released inside the timing", sizing: .powersOfTwo,
      setUp: { n in (Set(SwiftInputs.ints(n)), Set((0..<n).map { $0 + n })) },
      run: { p in p.0.union(p.1) }),
    .make(
      "swift.Set.intersection", "s.intersection(t)", swept: "n = t.count", fixed: "s.count = 10",
      documented: nil,
      quote:
        "\(stdlib), Set.intersection(_:): no complexity stated (CPython's table: O(min(len(s), len(t))))",
      method: "timed in a loop, s cycling through 16 copies (16 hash seeds)",
      sizing: .powersOfTwo,
      setUp: smallAgainst, run: { p in nextSmall(&p).intersection(p.1) }),
    .make(
      "swift.Set.subtracting", "s.subtracting(t)", swept: "n = t.count", fixed: "s.count = 10",
      documented: nil,
      quote: "\(stdlib), Set.subtracting(_:): no complexity stated (CPython's table: O(len(t)))",
      method: "timed in a loop, s cycling through 16 copies (16 hash seeds)",
      sizing: .powersOfTwo,
      setUp: smallAgainst, run: { p in nextSmall(&p).subtracting(p.1) }),
    .make(
      "swift.Set.symmetricDifference", "s.symmetricDifference(t)", swept: "n = t.count",
      fixed: "s.count = 10", documented: nil,
      quote:
        "\(stdlib), Set.symmetricDifference(_:): no complexity stated (CPython's table: O(len(s)))",
      method: "timed in a loop, s cycling through 16 copies (16 hash seeds)",
      sizing: .powersOfTwo,
      setUp: smallAgainst, run: { p in nextSmall(&p).symmetricDifference(p.1) }),
    .make(
      "swift.Set.isSubset", "s.isSubset(of: t), s ⊆ t", swept: "n = s.count",
      fixed: "t.count = max(65536, n)", documented: nil,
      quote: "\(stdlib), Set.isSubset(of:): no complexity stated",
      method: "timed in a loop", sizing: .powersOfTwo,
      setUp: { n in (Set(SwiftInputs.ints(n)), Set(SwiftInputs.ints(max(65536, n)))) },
      run: { p in p.0.isSubset(of: p.1) }),
    .make(
      "swift.Set.eq", "s == t, equal sets", documented: nil,
      quote: "\(stdlib), Set ==: no complexity stated",
      method: "two equal sets in separate storage, compared in a loop", sizing: .powersOfTwo,
      setUp: { n in (Set(SwiftInputs.ints(n)), Set(SwiftInputs.shuffled(n))) },
      run: { p in p.0 == p.1 }),
    .make(
      "swift.Set.removeAll", "s.removeAll()", documented: nil,
      quote: "\(stdlib), Set.removeAll(keepingCapacity:): no complexity stated",
      method: "each call on a fresh set built untimed; each call timed alone", sizing: .powersOfTwo,
      mode: .fresh, setUp: { n in Set(SwiftInputs.ints(n)) }, run: { s in s.removeAll() }),
    .make(
      "swift.Set.init_sequence", "Set(a)", documented: nil,
      quote: "\(stdlib), Set.init(_:) from a sequence: no complexity stated",
      method: "timed in a loop; the result is released inside the timing", sizing: .powersOfTwo,
      setUp: SwiftInputs.ints, run: { a in Set(a) }),
  ]
}
