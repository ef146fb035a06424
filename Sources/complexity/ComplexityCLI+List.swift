import ArgumentParser
import Complexity

extension ComplexityCLI {
  /// `complexity list`: the catalog.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the operations in the catalog with their documented classes.")

    @Option(name: .customLong("op"), help: "Only these ids or globs ('set.*'); repeatable.")
    var ops: [String] = []

    @Flag(help: "Include the fake subjects used by tests.")
    var all = false

    @OptionGroup var output: OutputOptions

    func run() throws {
      var operations = try Catalog.standard.select(ops)
      if all && ops.isEmpty { operations = Catalog.standard.operations }
      try output.emit(try CatalogReport(operations).render(output.format))
    }
  }
}
