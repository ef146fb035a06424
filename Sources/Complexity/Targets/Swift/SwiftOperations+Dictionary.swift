extension SwiftOperations {
  /// `Dictionary<Int, Int>`, timed at powers of two.
  static let dictionary: [SwiftOperation] = [
    .make(
      "swift.Dictionary.subscript_get", "d[k]", documented: nil,
      quote: "\(stdlib), Dictionary.subscript(_:): no complexity stated",
      method: "keys looked up in a loop, the next by a prime stride", sizing: .powersOfTwo,
      setUp: { n in (dict(n), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        return p.0[p.1]
      }),
    .make(
      "swift.Dictionary.subscript_set", "d[k] = v, k new", documented: nil,
      quote: "\(stdlib), Dictionary.subscript(_:) set: no complexity stated",
      method: "amortised: blocks of n/2 new keys stored, removed again untimed before each block",
      sizing: .powersOfTwo,
      mode: .blocks(restore: { p, n in
        for k in n..<p.1 { p.0.removeValue(forKey: k + 1) }
        p.1 = n
      }),
      setUp: { n in (dict(n), n) },
      run: { (p: inout ([Int: Int], Int)) in
        p.1 += 1; p.0[p.1] = 7
      }),
    .make(
      "swift.Dictionary.removeValue", "d.removeValue(forKey: k)", documented: .linear,
      quote:
        "\(stdlib), Dictionary.removeValue(forKey:): \"O(n), where n is the number of key-value pairs\"",
      method:
        "each call on n keys, the next of them by a prime stride; the key is stored back (included)",
      note: "A native dictionary finds the key by hashing and deletes it in place, so on "
        + "average the cost does not grow with n; the documented O(n) reads as a worst-case "
        + "bound (many colliding keys), not the typical cost.",
      sizing: .powersOfTwo,
      setUp: { n in (dict(n), 0) },
      run: { p in
        p.1 = SwiftInputs.nextKey(after: p.1, count: p.0.count)
        p.0[p.1] = p.0.removeValue(forKey: p.1)
      }),
    .make(
      "swift.Dictionary.keys", "d.keys", documented: nil,
      quote: "\(stdlib), Dictionary.keys: no complexity stated (Keys.count is O(1))",
      method: "timed in a loop; the view is kept alive, not iterated", sizing: .powersOfTwo,
      setUp: dict, run: { d in d.keys }),
    .make(
      "swift.Dictionary.removeAll", "d.removeAll()", documented: .linear,
      quote:
        "\(stdlib), Dictionary.removeAll(keepingCapacity:): \"O(n), where n is the number of key-value pairs\"",
      method: "each call on a fresh dictionary built untimed; each call timed alone",
      sizing: .powersOfTwo, mode: .fresh, setUp: dict, run: { d in d.removeAll() }),
    .make(
      "swift.Dictionary.init_uniqueKeys", "Dictionary(uniqueKeysWithValues: pairs)",
      documented: nil,
      quote: "\(stdlib), Dictionary.init(uniqueKeysWithValues:): no complexity stated",
      method: "timed in a loop; the result is released inside the timing", sizing: .powersOfTwo,
      setUp: { n in SwiftInputs.ints(n).map { ($0, $0) } },
      run: { pairs in Dictionary(uniqueKeysWithValues: pairs) }),
  ]

  static func dict(_ n: Int) -> [Int: Int] {
    Dictionary(uniqueKeysWithValues: SwiftInputs.ints(n).map { ($0, $0) })
  }
}
