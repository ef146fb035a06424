extension Catalog {
  /// The seed's two `dict` tables; rows in both map to one id.
  mutating func addDictOperations() {
    let t = "Dicts"
    addPython("dict.copy", table: t, row: "Copy", example: "d.copy()",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("dict.getitem", table: t, row: "Get Item / Index", example: "d[k]",
      documented: .constant, as: "O(1)", worst: "O(n)", worstClass: .linear, method: Method.loop)
    addPython("dict.setitem", table: t, row: "Set Item / Store", example: "d[k] = v",
      documented: .constant, as: "O(1)", worst: "O(n)", worstClass: .linear,
      method: "amortised: blocks of n/2 new keys stored, deleted again untimed after each")
    addPython("dict.delitem", table: t, row: "Delete Item / Delete", example: "del d[k]",
      documented: .constant, as: "O(1)", worst: "O(n)", worstClass: .linear,
      method: Method.restored("the key is stored back (O(1), included)"))
    addPython("dict.items_iter", table: t, row: "Iteration", example: "for k,v in d.items()",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("dict.len", table: t, row: "Length", example: "len(d)",
      documented: .constant, as: "O(1)", method: Method.loop)
    addPython("dict.get", table: t, row: "get/setdefault", example: "d.get(k)",
      documented: .constant, as: "O(1)", method: Method.loop)
    addPython("dict.setdefault", table: t, row: "get/setdefault", example: "d.setdefault(k, v)",
      documented: .constant, as: "O(1)", method: Method.loop)
    addPython("dict.pop", table: t, row: "Pop", example: "d.pop(k)",
      documented: .constant, as: "O(1)",
      method: Method.restored("the key is stored back (O(1), included)"))
    addPython("dict.popitem", table: t, row: "Pop item", example: "d.popitem()",
      documented: .constant, as: "O(1)",
      method: Method.restored("the item is stored back (O(1), included)"))
    addPython("dict.clear", table: t, row: "Clear", example: "d.clear()",
      documented: .constant, as: "O(1)", method: Method.fresh,
      note: "PyDict_Clear() (Objects/dictobject.c) swaps in an empty table, but freeing the "
        + "old one (free_keys_object) decrefs every key and value, so d.clear() is O(n).")
    addPython("dict.keys", table: t, row: "View", example: "d.keys()",
      documented: .constant, as: "O(1)", method: Method.loop)
    addPython("dict.values", table: t, row: "View", example: "d.values()",
      documented: .constant, as: "O(1)", method: Method.loop)
    addPython("dict.construct", table: t, row: "Construction", example: "dict(pairs), n pairs",
      documented: .linear, as: "O(len(...))", method: Method.loop)
    addPython("dict.iter", table: t, row: "Iteration", example: "for k in d:",
      documented: .linear, as: "O(N)", method: Method.loop)
  }

  /// Operations the seed's tables lack, with a class only where CPython's
  /// documentation states one.
  mutating func addExtraPythonOperations() {
    add(
      Operation(
        id: "list.insert0", subject: .python, seedRow: nil, swept: "n", fixed: "",
        documented: .linear, documentedText: "O(n)",
        source: "Python docs, collections.deque: list insert(0, v) incurs O(n) memory movement",
        method: Method.untimedRestore("the inserted item removed")))
    add(
      Operation(
        id: "deque.popleft", subject: .python, seedRow: nil, swept: "n", fixed: "",
        documented: .constant, documentedText: "O(1)",
        source: "Python docs, collections.deque: pops from either side with approximately O(1) performance",
        method: Method.restored("the item is appended back (O(1), included)")))
  }
}
