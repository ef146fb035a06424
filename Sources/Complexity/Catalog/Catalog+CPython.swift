import Foundation

extension Catalog {
  /// The CPython operations: the seed notebook's `list`, `set` and `dict`
  /// tables and a few rows beyond them, each defined once, with its
  /// Python code, in `CPython/*.json` (embedded in the binary; the
  /// harness's Python tests run every row of the same files).
  mutating func addCPythonOperations() {
    let files: [(String, [UInt8])] = [
      ("lists.json", PackageResources.lists_json), ("sets.json", PackageResources.sets_json),
      ("dicts.json", PackageResources.dicts_json),
      ("beyond-the-tables.json", PackageResources.beyond_the_tables_json),
    ]
    for (name, bytes) in files {
      // The files ship inside the binary: a row that does not decode is a
      // bug in the catalog itself, caught by the first test, not user input.
      let file: CPythonCatalogFile
      do {
        file = try JSONDecoder().decode(CPythonCatalogFile.self, from: Data(bytes))
      } catch {
        preconditionFailure("Catalog/CPython/\(name) does not decode: \(error)")
      }
      for row in file.operations { add(row.operation(defaultSource: file.defaultSource)) }
    }
  }
}

/// One of `CPython/*.json`: CPython operations of the catalog.
struct CPythonCatalogFile: Decodable {
  /// Where a row's documented class comes from, unless it says.
  var defaultSource: String
  var operations: [Row]

  /// One row: its place in the seed's tables, its documented cost, how it
  /// is measured and its code. Optional fields take the usual values.
  struct Row: Decodable {
    var id: String
    var table: String?
    var row: String?
    var example: String?
    var swept: String?
    var fixed: String?
    var documented: ComplexityClass?
    var documentedText: String
    var worstCase: String?
    var documentedWorst: ComplexityClass?
    var source: String?
    var method: String
    var implementationNote: String?
    var sizing: Operation.Sizing?
    var python: PythonCode
    var worstPython: PythonCode?
    var grid: Operation.Grid?

    func operation(defaultSource: String) -> Operation {
      let seedRow = table.map {
        Operation.SeedRow(table: $0, operation: row ?? id, example: example ?? "")
      }
      var op = Operation(
        id: id, subject: .python, seedRow: seedRow, swept: swept ?? "n", fixed: fixed ?? "",
        documented: documented, documentedText: documentedText, worstCase: worstCase,
        source: source ?? defaultSource, method: method, implementationNote: implementationNote,
        // Sets and dicts are hash tables: measure them at equal fill.
        sizing: sizing ?? (table == nil || table == "Lists" ? .geometric : .powersOfTwo),
        python: python)
      op.documentedWorst = documentedWorst
      op.worstPython = worstPython
      op.grid = grid
      return op
    }
  }
}
