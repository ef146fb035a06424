import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

/// Reading callgrind's output, from files valgrind 3.19 wrote on this
/// project's machine (`fixtures/valgrind/README.md` says how).
final class CallgrindOutputTests: XCTestCase {
  private func read(_ name: String) throws -> CallgrindOutput {
    try CallgrindOutput.read(path: fixture("valgrind/\(name)"))
  }

  func testADumpAtTheHarnessMark() throws {
    let output = try read("list.pop0-n1024-k100.callgrind.out")
    XCTAssertEqual(output.creator, "callgrind-3.19.0")
    XCTAssertEqual(output.part, 18)
    XCTAssertEqual(output.trigger, "--dump-before=getppid")
    XCTAssertEqual(output.events, ["Ir"])
    // 100 pops of a 1024-element list: 1315 instructions each, with the
    // fixed cost of the call.
    XCTAssertEqual(try output.total(), 131_503)
    XCTAssertEqual(output.command?.hasSuffix("python3 -u harness.py"), true)
  }

  func testTheFirstMarkAndTheEndCountNothing() throws {
    // Counting is off outside the measured loop: the dump that ends the
    // start-up, and the one valgrind writes at exit, hold no instructions.
    let first = try read("first-mark.callgrind.out")
    XCTAssertEqual(first.part, 1)
    XCTAssertEqual(try first.total(), 0)
    let end = try read("termination.callgrind.out")
    XCTAssertEqual(end.trigger, "Program termination")
    XCTAssertEqual(try end.total("Ir"), 0)
  }

  func testTotalsLeftOffAtTheEndOfTheLineAreZero() throws {
    // With --cache-sim=yes: nine events, and the line stops after the sixth.
    let output = try read("cache-sim.callgrind.out")
    XCTAssertEqual(
      output.events, ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"])
    XCTAssertEqual(try output.total("Ir"), 2793)
    XCTAssertEqual(try output.total("D1mw"), 3)
    XCTAssertEqual(try output.total("DLmw"), 0)
  }

  func testCachegrindsSummaryReadsToo() throws {
    let output = try read("true.cachegrind.out")
    XCTAssertEqual(output.events.first, "Ir")
    XCTAssertEqual(output.command, "/bin/true")
    XCTAssertEqual(try output.total("Ir"), 127_509)
    XCTAssertEqual(try output.total("DLmw"), 311)
  }

  func testADumpCutShortIsAClearError() {
    XCTAssertThrowsError(try read("cut-short.callgrind.out")) {
      XCTAssertTrue("\($0)".contains("cut short"), "\($0)")
    }
  }

  func testOtherFilesAreRefused() {
    XCTAssertThrowsError(try CallgrindOutput.read(path: fixture("recorded/list.pop0.csv"))) {
      XCTAssertTrue("\($0)".contains("not callgrind output"), "\($0)")
    }
    XCTAssertThrowsError(try CallgrindOutput.read(path: fixture("valgrind/no-such.out"))) {
      XCTAssertTrue("\($0)".contains("no callgrind output at"), "\($0)")
    }
  }

  func testAnEventTheFileDidNotRecord() throws {
    XCTAssertThrowsError(try read("list.pop0-n1024-k100.callgrind.out").total("Bc")) {
      XCTAssertTrue("\($0)".contains("records Ir, not Bc"), "\($0)")
    }
  }

  func testHexadecimalAndBadCounts() throws {
    let hex = try CallgrindOutput(parsing: "events: Ir Dr\nfn=(1) main\n16 3 1\ntotals: 0x10 2\n")
    XCTAssertEqual(hex.totals, [16, 2])
    XCTAssertThrowsError(try CallgrindOutput(parsing: "events: Ir\ntotals: 12x\n")) {
      XCTAssertTrue("\($0)".contains("'12x', not a count"), "\($0)")
    }
    XCTAssertThrowsError(try CallgrindOutput(parsing: "events: Ir\ntotals: 1 2\n")) {
      XCTAssertTrue("\($0)".contains("2 totals for 1 events"), "\($0)")
    }
  }
}
