extension Catalog {
  /// The seed's `set` table.
  mutating func addSetOperations() {
    let t = "Sets"
    addPython("set.contains", table: t, row: "Containment", example: "x in s",
      documented: .constant, as: "O(1)", worst: "O(n)", worstClass: .linear, method: Method.loop)
    addPython("set.len", table: t, row: "Length", example: "len(s)",
      documented: .constant, as: "O(1)", worst: "O(1)", method: Method.loop)
    addPython("set.add", table: t, row: "Add", example: "s.add(a)",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: "amortised: blocks of n/2 new elements added, removed again untimed after each")
    addPython("set.remove", table: t, row: "Remove", example: "s.remove(a)",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: Method.restored("the element is added back (O(1), included)"))
    addPython("set.discard", table: t, row: "Discard", example: "s.discard(a)",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: Method.restored("the element is added back (O(1), included)"))
    addPython("set.pop", table: t, row: "Pop", example: "s.pop()",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: Method.restored("the popped element is added back (O(1), included)"))
    addPython("set.clear", table: t, row: "Clear", example: "s.clear()",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: Method.fresh,
      note: "set_clear_internal() (Objects/setobject.c) walks the old hash table and "
        + "Py_DECREFs each of the n keys before freeing it, so set.clear() is O(n).")
    addPython("set.construct", table: t, row: "Construction", example: "set(l), len(l) = n",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("set.eq", table: t, row: "check ==, !=", example: "s == t, equal sets",
      swept: "n = len(s) = len(t)",
      documented: .linear, as: "O(min(len(s),lent(t))", worst: "O(n)", method: Method.loop)
    addPython("set.issubset", table: t, row: "<=/<", example: "s <= t, s ⊆ t",
      swept: "n = len(s)", fixed: "len(t) = max(65536, n)",
      documented: .linear, as: "O(len(s1))", worst: "O(n)", method: Method.loop)
    addPython("set.issuperset", table: t, row: ">=/>", example: "s >= t, s ⊇ t",
      swept: "n = len(t)", fixed: "len(s) = max(65536, n)",
      documented: .linear, as: "O(len(s2))", worst: "O(n)", method: Method.loop)
    addPython("set.union", table: t, row: "Union", example: "s | t, disjoint",
      swept: "n = len(s) = len(t)",
      documented: .linear, as: "O(len(s)+len(t))", worst: "O(len(s)+len(t))",
      method: Method.loop)
    addPython("set.intersection", table: t, row: "Intersection", example: "s & t",
      swept: "n = len(t)", fixed: "len(s) = 10",
      documented: .constant, as: "O(min(len(s), lent(t))", worst: "O(len(s) * len(t))",
      worstClass: .linear, method: Method.loop,
      note: "set_intersection() (Objects/setobject.c) iterates over the smaller set and "
        + "probes the larger, so s & t is O(min(len(s), len(t))).")
    addPython("set.intersection_both", table: t, row: "Intersection", example: "s & t, equal sets",
      swept: "n = len(s) = len(t)",
      documented: .linear, as: "O(min(len(s), lent(t))", worst: "O(len(s) * len(t))",
      method: Method.loop)
    addPython("set.multi_intersection", table: t, row: "Multiple intersection",
      example: "s1&s2&s3, equal sets",
      swept: "l = len of each set", fixed: "3 sets",
      documented: .linear, as: "(n-1)*O(l) (worst-case column)", worst: "(n-1)*O(l)",
      method: Method.loop)
    addPython("set.difference", table: t, row: "Difference", example: "s - t",
      swept: "n = len(t)", fixed: "len(s) = 10",
      documented: .linear, as: "O(len(t)) (worst-case column; average blank)", worst: "O(len(t))",
      method: Method.loop,
      note: "set_difference() (Objects/setobject.c) iterates over the left operand s and "
        + "probes t for each element (it copies s instead only when len(s) > 4·len(t)), so "
        + "s - t costs O(len(s)) and does not grow with len(t).")
    addPython("set.symmetric_difference", table: t, row: "Symmetric Diff", example: "s ^ t",
      swept: "n = len(t)", fixed: "len(s) = 10",
      documented: .constant, as: "O(len(s))", worst: "O(len(s) * len(t))",
      worstClass: .linear, method: Method.loop,
      note: "set_symmetric_difference() (Objects/setobject.c) first copies the right operand "
        + "t into a new set, then toggles s's elements in it, so s ^ t is "
        + "O(len(s) + len(t)): it grows with len(t) even when s is tiny.")
    addPython("set.iter", table: t, row: "Iteration", example: "for v in s:",
      documented: .linear, as: "O(N)", method: Method.loop)
    addPython("set.copy", table: t, row: "Copy", example: "s.copy()",
      documented: .linear, as: "O(N)", method: Method.loop)
  }
}
