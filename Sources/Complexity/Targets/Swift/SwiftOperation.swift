/// A Swift operation of the catalog: its description and how to time it.
package struct SwiftOperation {
  /// The catalog entry (`swift.Array.append`).
  package var operation: Operation
  /// Makes the subject that measures it in this process, by the clock or
  /// by callgrind.
  package var makeSubject: (InProcessMeter) -> any Subject

  /// Describes and builds one operation.
  ///
  /// - Parameters:
  ///   - id: `swift.<Type>.<op>`.
  ///   - documented: the class the documentation states for n, nil where
  ///     it states none.
  ///   - quote: the documentation's words, and where they are.
  ///   - method: how the timing keeps the input at its size.
  static func make<Input, Output>(
    _ id: String, _ example: String, swept: String = "n = count", fixed: String = "",
    documented: ComplexityClass?, quote: String, method: String,
    note: String? = nil, sizing: Operation.Sizing = .geometric,
    mode: InProcessSubject<Input, Output>.Mode = .shared,
    setUp: @escaping (Int) -> Input, run: @escaping (inout Input) -> Output
  ) -> SwiftOperation {
    let type = id.split(separator: ".").dropFirst().first.map(String.init) ?? "Swift"
    return SwiftOperation(
      operation: Operation(
        id: id, subject: .swift,
        seedRow: Operation.SeedRow(table: "Swift \(type)", operation: example, example: example),
        swept: swept, fixed: fixed, documented: documented,
        documentedText: documented?.rawValue ?? "not stated", source: quote, method: method,
        implementationNote: note, sizing: sizing),
      makeSubject: { InProcessSubject(mode: mode, meter: $0, setUp: setUp, operation: run) })
  }
}

/// Every Swift operation of the catalog.
package enum SwiftOperations {
  /// In catalog order.
  package static let all: [SwiftOperation] =
    array + set + dictionary + string + deque + orderedSet + orderedDictionary + heap

  /// The subject of an operation id, if it is a Swift one.
  ///
  /// - Parameter meter: what it measures (default: seconds by the clock).
  package static func subject(for id: String, meter: InProcessMeter = .clock) -> (any Subject)? {
    all.first { $0.operation.id == id }?.makeSubject(meter)
  }
}

/// Inputs built the same way at every size.
enum SwiftInputs {
  /// `0, 1, …, n-1`.
  static func ints(_ n: Int) -> [Int] { Array(0..<n) }

  /// The key after `key` among `0..<count`: a prime stride, so successive
  /// calls visit every key (of a power-of-two count) before one repeats.
  /// A hash op counted on one hot key costs that key's probe run, which
  /// moves with each table's random seed, so its counts jumped between
  /// runs (`Set.remove`: 441 to 1094 instructions); over many keys they
  /// average the table's probe runs.
  static func nextKey(after key: Int, count: Int) -> Int { (key &+ 7919) % count }

  /// `count` separately built copies of the ints `0..<n`: Swift seeds each
  /// table by its storage, so cycling through them averages over seeds.
  static func setCopies(_ n: Int, count: Int = 16) -> [Set<Int>] {
    (0..<count).map { _ in Set(ints(n)) }
  }

  /// The same ints in a seeded random order (the same order for the same n).
  static func shuffled(_ n: Int) -> [Int] {
    var rng = SplitMix64(seed: UInt64(n))
    return ints(n).shuffled(using: &rng)
  }
}
