import ComplexityTestSupport
import XCTest

/// `--metric memory`: the peak bytes an op allocates above its input.
final class MemoryCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  /// Memory, by tracemalloc: a copy needs O(n), pop(0) nothing above its
  /// input; the seed's tables state time, so the catalog's rows get no
  /// verdict; Swift ops are counted by the allocator the worker preloads.
  func testMemoryClassesCPythonOpsWithoutAVerdict() throws {
    let r = try run([
      "sweep", "--metric", "memory", "--op", "list.copy", "--op", "list.pop0",
      "--max-size", "4096", "--quiet", "--format", "csv",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let rows = r.stdout.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    XCTAssertEqual(rows.map { String($0[0]) }, ["list.copy", "list.pop0"])
    XCTAssertEqual(rows.map { String($0[2]) }, ["O(n)", "O(1)"])
    XCTAssertEqual(rows.map { String($0[3]) }, ["", ""])
    // Swift ops by the counting allocator in a worker: sort's merge
    // buffer is O(n), count allocates nothing.
    let swift = try run([
      "sweep", "--metric", "memory", "--op", "swift.Array.sort", "--op", "swift.Array.count",
      "--max-size", "4096", "--quiet", "--format", "csv",
    ])
    XCTAssertEqual(swift.status, 0, swift.stderr)
    XCTAssertEqual(
      swift.stdout.split(separator: "\n").dropFirst().map {
        String($0.split(separator: ",", omittingEmptySubsequences: false)[2])
      }, ["O(n)", "O(1)"], swift.stdout)
    // A user's --expect is a claim about what is measured: it is judged.
    let expected = try run([
      "time", "--metric", "memory", "--setup", "x = list(range(n))", "--expect", "O(1)",
      "--max-size", "4096", "--quiet", "sorted(x)",
    ])
    XCTAssertEqual(expected.status, 1, expected.stderr + expected.stdout)
  }

  /// `--metric allocated`: the bytes allocated in all. Building a string by
  /// `s = s + c + ''` makes a new string each time: it holds O(n) at once
  /// and allocates O(n²) in all. (`s = s + c` is grown in place by CPython
  /// where glibc can, so its total depends on the heap: not tested.) A
  /// Swift op counts in the same worker as its peaks.
  func testAllocatedCountsTheGarbageBesideThePeak() throws {
    func measured(_ stmt: String, _ metric: String) throws -> String {
      let r = try run([
        "time", "--metric", metric, "--setup", "x = 'a' * n", "--max-size", "4096",
        "--quiet", "--format", "csv", stmt,
      ])
      XCTAssertEqual(r.status, 0, r.stderr)
      let row = r.stdout.split(separator: "\n").dropFirst().first ?? ""
      return String(row.split(separator: ",", omittingEmptySubsequences: false)[2])
    }
    XCTAssertEqual(try measured("s = ''\nfor c in x: s = s + c + ''", "allocated"), "O(n^2)")
    XCTAssertEqual(try measured("s = ''\nfor c in x: s = s + c + ''", "memory"), "O(n)")
    let swift = try run([
      "sweep", "--metric", "allocated", "--op", "swift.Array.init_sequence", "--max-size",
      "4096", "--quiet", "--format", "csv",
    ])
    XCTAssertEqual(swift.status, 0, swift.stderr)
    XCTAssertTrue(swift.stdout.contains("swift.Array.init_sequence,,O(n)"), swift.stdout)
  }
}
