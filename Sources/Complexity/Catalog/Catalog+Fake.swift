extension Catalog {
  /// Fake operations with known classes (`fake.linear`, …), and one whose
  /// documented class is deliberately wrong (`fake.mislabelled`). They run
  /// only when named with `--op`.
  mutating func addFakeOperations() {
    let names: [(String, ComplexityClass)] = [
      ("constant", .constant), ("log", .logarithmic), ("linear", .linear),
      ("linearithmic", .linearithmic), ("quadratic", .quadratic),
    ]
    for (name, c) in names {
      add(
        Operation(
          id: "fake.\(name)", subject: .fake, seedRow: nil, swept: "n",
          documented: c, documentedText: c.rawValue,
          source: "its own definition",
          method: "a model with 2% noise; nothing is timed"))
    }
    add(
      Operation(
        id: "fake.mislabelled", subject: .fake, seedRow: nil, swept: "n",
        documented: .constant, documentedText: "O(1)",
        source: "deliberately wrong, to show a flagged row",
        method: "a linear model with 2% noise; nothing is timed",
        implementationNote: "the fake model is linear: t = 100 ns + 10 ns·n."))
  }
}

extension FakeSubject {
  /// The fake subject behind a `fake.*` operation id.
  package init?(operationID: String) {
    let classes: [String: ComplexityClass] = [
      "fake.constant": .constant, "fake.log": .logarithmic, "fake.linear": .linear,
      "fake.linearithmic": .linearithmic, "fake.quadratic": .quadratic,
      "fake.mislabelled": .linear,
    ]
    guard let c = classes[operationID] else { return nil }
    let perUnit: Double = c == .logarithmic ? 1e-7 : c == .quadratic ? 1e-11 : 1e-8
    let seed = operationID.utf8.reduce(UInt64(14_695_981_039_346_656_037)) {
      ($0 ^ UInt64($1)) &* 1_099_511_628_211
    }
    self.init(c, perUnit: perUnit, seed: seed)
  }
}
