import XCTest

@testable import Complexity

/// The count cache: what it stores it gives back under the same key only,
/// and an entry it cannot read is a miss that the next store rewrites.
final class CountCacheTests: XCTestCase {
  private func temporaryCache() -> CountCache {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("count-cache-test-\(UUID().uuidString)")
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return CountCache(directory: dir)
  }

  private let result = OperationResult(
    op: "list.pop0", documented: .linear, classification: nil,
    points: [Point(n: 32, iterations: 1, samples: [100])], seconds: 1.5, metric: .instructions)

  func testAStoredCountReadsBackUnderItsKeyOnly() throws {
    let cache = temporaryCache()
    XCTAssertNil(cache.lookup("a"))
    XCTAssertNil(cache.store(result, key: "a"))
    XCTAssertEqual(cache.lookup("a"), result)
    XCTAssertNil(cache.lookup("b"))
  }

  func testACorruptEntryIsAMissAndIsRewritten() throws {
    let cache = temporaryCache()
    XCTAssertNil(cache.store(result, key: "a"))
    let files = try FileManager.default.contentsOfDirectory(
      at: cache.directory, includingPropertiesForKeys: nil)
    XCTAssertEqual(files.count, 1)
    try Data("{\"key\": \"a\", \"result\": tru".utf8).write(to: files[0])
    XCTAssertNil(cache.lookup("a"))
    XCTAssertNil(cache.store(result, key: "a"))
    XCTAssertEqual(cache.lookup("a"), result)
  }

  func testEntriesUnusedForAMonthArePrunedAndAReadKeepsOne() throws {
    let cache = temporaryCache()
    XCTAssertNil(cache.store(result, key: "old"))
    XCTAssertNil(cache.store(result, key: "read"))
    XCTAssertNil(cache.store(result, key: "new"))
    let files = try FileManager.default.contentsOfDirectory(
      at: cache.directory, includingPropertiesForKeys: nil)
    let longAgo = Date().addingTimeInterval(-CacheFolder.keptUnused - 3600)
    for file in files { CacheFolder.touch(file, now: longAgo) }
    // Written a month ago, read now: kept; the fresh one is written anew.
    XCTAssertNotNil(cache.lookup("read"))
    XCTAssertNil(cache.store(result, key: "new"))
    let notes = cache.directory.appendingPathComponent("notes.txt")
    try Data("not an entry".utf8).write(to: notes)
    CacheFolder.touch(notes, now: longAgo)
    cache.prune()
    XCTAssertNil(cache.lookup("old"))
    XCTAssertEqual(cache.lookup("read"), result)
    XCTAssertEqual(cache.lookup("new"), result)
    // Once a day: a second prune the same day looks at nothing.
    XCTAssertNil(cache.store(result, key: "old"))
    for file in try FileManager.default.contentsOfDirectory(
      at: cache.directory, includingPropertiesForKeys: nil)
    where file.pathExtension == "json" {
      CacheFolder.touch(file, now: longAgo)
    }
    cache.prune()
    XCTAssertEqual(cache.lookup("old"), result)
    cache.prune(now: Date().addingTimeInterval(25 * 3600 + CacheFolder.keptUnused))
    XCTAssertNil(cache.lookup("new"))
    XCTAssertTrue(FileManager.default.fileExists(atPath: notes.path), "only entries are pruned")
  }

  func testAnUnwritableCacheSaysWhyAndDoesNotThrow() {
    let cache = CountCache(directory: URL(fileURLWithPath: "/dev/null/counts"))
    XCTAssertTrue(
      cache.store(result, key: "a")?.contains("could not write the count cache") == true)
  }

  func testTheKeyNamesWhatACountDependsOn() throws {
    let op = try XCTUnwrap(Catalog.standard["list.pop0"])
    let valgrind = Valgrind(path: "/usr/bin/valgrind", version: "valgrind-3.19.0")
    func key(_ grid: [Int], cold: Bool = false, version: String = "CPython 3.11.7") -> String {
      CountCache.key(
        op: op, grid: grid, counting: CountingOptions(), cold: cold, counted: "/bin/sh",
        version: version, valgrind: valgrind)
    }
    XCTAssertEqual(key([32, 64]), key([32, 64]))
    XCTAssertNotEqual(key([32, 64]), key([32, 128]))
    XCTAssertNotEqual(key([32, 64]), key([32, 64], cold: true))
    XCTAssertNotEqual(key([32, 64]), key([32, 64], version: "CPython 3.12.1"))
    XCTAssertTrue(key([32]).contains(op.python?.statement ?? "?"), key([32]))
  }

  func testTheCacheFolderFollowsTheEnvironment() {
    XCTAssertEqual(
      CountCache.standard(environment: ["COMPLEXITY_CACHE_DIR": "/x/y"]).directory.path, "/x/y")
    XCTAssertEqual(
      CountCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).directory.path,
      "/c/complexity/counts")
    XCTAssertEqual(
      CountCache.standard(environment: ["HOME": "/h"]).directory.path,
      "/h/.cache/complexity/counts")
  }
}
