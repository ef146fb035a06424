import Foundation
import XCTest

@testable import Complexity

/// Claims answered from fixed timings: holds, does not hold, cannot tell,
/// at the seed's size and over the sweep; and recipes that misname them.
final class RaceClaimTests: XCTestCase {
  /// `fast` takes `factor` times less than `slow` at every size, with
  /// round-paired ratios of `factor · (1 ± spread)`.
  private func race(factor: Double, spread: Double, claims: [RaceClaim]) -> RaceResult {
    let sizes = [1000, 10_000, 100_000]
    let fast = sizes.map { n in Point(n: n, samples: [1e-9 * Double(n), 1e-9 * Double(n)]) }
    let slow = sizes.map { n in
      Point(
        n: n,
        samples: [
          factor * (1 - spread) * 1e-9 * Double(n), factor * (1 + spread) * 1e-9 * Double(n),
        ])
    }
    var result = RaceResult(
      name: "fixed",
      entries: [.init(name: "slow", points: slow), .init(name: "fast", points: fast)])
    result.claims = claims
    result.cores = 2
    return result
  }

  private let faster = RaceClaim(
    says: "fast is faster than slow", seed: "1 s against 2 s", faster: "fast", than: "slow",
    at: 100_000)

  func testAClaimHoldsWhenTheWholeRangeIsOnItsSide() throws {
    let a = try XCTUnwrap(race(factor: 2, spread: 0.1, claims: [faster]).answers.first)
    XCTAssertEqual(a.answer, .holds)
    XCTAssertEqual(a.n, 100_000)
    XCTAssertEqual(a.low, 1.8, accuracy: 1e-9)
    XCTAssertEqual(a.high, 2.2, accuracy: 1e-9)
    XCTAssertEqual(a.across, ["holds": 3])
  }

  func testARangeThatSpansTheThresholdCannotTell() throws {
    let a = try XCTUnwrap(race(factor: 1.1, spread: 0.2, claims: [faster]).answers.first)
    XCTAssertEqual(a.answer, .cannotTell)
    let line = try XCTUnwrap(race(factor: 1.1, spread: 0.2, claims: [faster]).claimLines.first)
    XCTAssertTrue(line.hasPrefix("cannot tell on this machine: fast is faster than slow"), line)
    XCTAssertTrue(line.contains("(seed: 1 s against 2 s)"), line)
  }

  func testAClaimDoesNotHoldWhenTheWholeRangeIsAgainstIt() throws {
    var claim = faster
    claim.atLeast = 100
    XCTAssertEqual(
      race(factor: 2, spread: 0.1, claims: [claim]).answers.first?.answer, .doesNotHold)
    var noFaster = faster
    noFaster.atMost = 1
    XCTAssertEqual(
      race(factor: 2, spread: 0.1, claims: [noFaster]).answers.first?.answer, .doesNotHold)
    XCTAssertEqual(
      race(factor: 0.5, spread: 0.1, claims: [noFaster]).answers.first?.answer, .holds)
  }

  func testTheMedianIntervalIsTheOrderStatisticsOfAtLeast95Percent() throws {
    let seven = try XCTUnwrap(RaceClaim.medianInterval((1...7).map(Double.init)))
    XCTAssertEqual(seven.median, 4)
    XCTAssertEqual([seven.low, seven.high], [1, 7], "with 7 rounds: the whole range")
    let fifteen = try XCTUnwrap(RaceClaim.medianInterval((1...15).reversed().map(Double.init)))
    XCTAssertEqual(fifteen.median, 8)
    XCTAssertEqual([fifteen.low, fifteen.high], [4, 12], "with 15: the 4th to the 12th")
    XCTAssertNil(RaceClaim.medianInterval([.nan]))
  }

  func testAClaimMadeWithMoreWorkersThanCoresSaysSo() throws {
    var claim = faster
    claim.cores = 5
    let a = try XCTUnwrap(race(factor: 2, spread: 0.1, claims: [claim]).answers.first)
    XCTAssertTrue(a.notes.contains { $0.contains("this machine has 2 cores") }, "\(a.notes)")
  }

  func testRecipesRefuseClaimsThatNameNoImplementation() throws {
    let text = """
      {"name": "r", "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}],
       "claims": [{"says": "c is faster", "faster": "c", "than": "a"}]}
      """
    XCTAssertThrowsError(try RaceRecipe.parse(Data(text.utf8), directory: "/tmp")) { error in
      XCTAssertTrue("\(error)".contains("names 'c', which is not an implementation"), "\(error)")
    }
    let typo = text.replacingOccurrences(of: "\"than\"", with: "\"then\"")
    XCTAssertThrowsError(try RaceRecipe.parse(Data(typo.utf8), directory: "/tmp")) { error in
      XCTAssertTrue("\(error)".contains("unknown field \"then\""), "\(error)")
    }
  }

  func testClassesByIsTimeOrInstructions() throws {
    let base = """
      {"name": "r", "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}]
      """
    let counted = try RaceRecipe.parse(
      Data((base + #", "classesBy": "instructions"}"#).utf8), directory: "/tmp")
    XCTAssertEqual(counted.classesBy, .instructions)
    XCTAssertEqual(
      try RaceRecipe.parse(Data((base + "}").utf8), directory: "/tmp").classesBy, .time)
    XCTAssertThrowsError(
      try RaceRecipe.parse(Data((base + #", "classesBy": "memory"}"#).utf8), directory: "/tmp"))
    XCTAssertThrowsError(
      try RaceRecipe.parse(Data((base + #", "classesBy": "counts"}"#).utf8), directory: "/tmp"))
  }

  func testTheSeedRecipesParseWithTheirClaims() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "examples/races")
    var claims = 0
    for name in ["build-list", "numpy-numba", "parallel", "parallel-workers"] {
      claims += try RaceRecipe.load(path: folder.appendingPathComponent(name + ".json").path)
        .claims.count
    }
    XCTAssertEqual(claims, 12)
  }
}
