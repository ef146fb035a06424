extension Catalog {
  /// The seed's `list` table.
  mutating func addListOperations() {
    let t = "Lists"
    addPython("list.copy", table: t, row: "Copy", example: "l.copy()",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("list.append", table: t, row: "Append", example: "l.append(5)",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: "amortised: blocks of n/2 appends timed, the list cut back to n untimed after each")
    addPython("list.pop", table: t, row: "Pop last", example: "l.pop()",
      documented: .constant, as: "O(1)", worst: "O(1)",
      method: Method.restored("the popped item is appended back (O(1), included)"))
    addPython("list.pop_k", table: t, row: "Pop intermediate", example: "l.pop(n-k)",
      swept: "k", fixed: "n = 1048576",
      documented: .linear, as: "O(k)", worst: "O(k)",
      method: Method.restored("the popped item is appended back (O(1), included)"),
      note: "list_ass_slice() memmoves the k-1 items after the gap, so pop(n-k) is O(k).")
    addPython("list.pop0", table: t, row: "Pop first", example: "l.pop(0)",
      documented: .linear, as: "O(n)", worst: "O(n)",
      method: Method.restored("the popped item is appended back (O(1), included)"))
    addPython("list.insert_slice", table: t, row: "Insert", example: "l[0:0] = [x]",
      documented: .linear, as: "O(n)", worst: "O(n)",
      method: Method.untimedRestore("the inserted item removed"))
    addPython("list.getitem", table: t, row: "Get Item", example: "l[i]",
      documented: .constant, as: "O(1)", worst: "O(1)", method: Method.loop)
    addPython("list.setitem", table: t, row: "Set Item", example: "l[i] = 0",
      documented: .constant, as: "O(1)", worst: "O(1)", method: Method.loop)
    addPython("list.iter", table: t, row: "Iteration", example: "for v in l:",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("list.getslice", table: t, row: "Get Slice (k=b-a)", example: "l[a:b]",
      swept: "k = b-a", fixed: "n = 1048576",
      documented: .linear, as: "O(k)", worst: "O(k)", method: Method.loop)
    addPython("list.delslice", table: t, row: "Del Slice (k=b-a)", example: "del l[1:3]",
      fixed: "k = 2",
      documented: .linear, as: "O(n)", worst: "O(n)",
      method: Method.untimedRestore("the two items put back"))
    addPython("list.delitem", table: t, row: "Delete Item", example: "del l[n//2]",
      documented: .linear, as: "O(n)", worst: "O(n)",
      method: Method.untimedRestore("the item put back"))
    addPython("list.remove", table: t, row: "Remove", example: "l.remove(x), x in the middle",
      documented: .linear, as: "O(n)", worst: "On)",
      method: Method.untimedRestore("the item put back"))
    addPython("list.setslice", table: t, row: "Set Slice", example: "l[1:3] = [a, b, c]",
      fixed: "k = 3 (replacing 2)",
      documented: .linear, as: "O(k+n)", worst: "O(k+n)",
      method: Method.untimedRestore("the extra item removed"))
    addPython("list.extend", table: t, row: "Extend (by k)", example: "l.extend(k)",
      swept: "k = len(k)", fixed: "n = 1000",
      documented: .linear, as: "O(len(k))", worst: "O(len(k))",
      method: Method.untimedRestore("the list cut back to 1000"))
    addPython("list.sort", table: t, row: "Sort", example: "l.sort()",
      documented: .linearithmic, as: "O(n log n)", worst: "O(n log n)",
      method: "each sort on a fresh copy of the same shuffled ints, copied untimed; each sort timed alone")
    addPython("list.multiply", table: t, row: "Multiply", example: "5*l",
      fixed: "k = 5",
      documented: .linear, as: "O(nk)", worst: "O(nk)", method: Method.loop)
    addPython("list.min", table: t, row: "min(s), max(s)", example: "min(l)",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("list.max", table: t, row: "min(s), max(s)", example: "max(l)",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("list.len", table: t, row: "Get Length", example: "len(l)",
      documented: .constant, as: "O(1)", worst: "O(1)", method: Method.loop)
    addPython("list.reverse", table: t, row: "Reverse", example: "l.reverse()",
      documented: .linear, as: "O(n)", worst: "O(n)",
      method: "timed in a loop; reversing twice restores the list")
    addPython("list.contains", table: t, row: "Containment", example: "x in l, x absent",
      documented: .linear, as: "O(n) (worst-case column; best case blank)", worst: "O(n)",
      method: Method.loop)
    addPython("list.clear", table: t, row: "Clear", example: "l.clear()",
      documented: .constant, as: "O(1)", worst: "similar to l = []",
      method: Method.fresh,
      note: "CPython's _list_clear() (Objects/listobject.c) calls Py_XDECREF on each of the "
        + "n items before freeing the array, so list.clear() is O(n), not O(1).")
    addPython("list.construct", table: t, row: "Construction", example: "list(range(a, a+n))",
      documented: .linear, as: "O(n)", worst: "O(n)", method: Method.loop)
    addPython("list.eq", table: t, row: "check ==, !=", example: "l1 == l2, equal lists",
      documented: .linear, as: "O(n)", method: Method.loop)
  }
}
