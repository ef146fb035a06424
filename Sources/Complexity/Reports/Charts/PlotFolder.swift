import Foundation

/// Writes a run's plots into a folder: one SVG per operation, named by its
/// id (`list.pop0.svg`), and `index.html`, the self-contained HTML report.
package enum PlotFolder {
  /// Writes the files, creating the folder if needed, each atomically.
  ///
  /// - Returns: the paths written, the index last.
  /// - Throws: `ComplexityError(.badInput, …)` when the folder cannot be
  ///   created or a file cannot be written.
  @discardableResult
  package static func write(
    _ results: RunResults, catalog: Catalog = .standard, to directory: String
  ) throws -> [String] {
    let folder = try makeFolder(directory)
    var written: [String] = []
    for r in results.results {
      let svg = SVGChart(r, catalog: catalog).render()
      written.append(try save(svg, folder.appendingPathComponent(fileName(r.op) + ".svg")))
    }
    let html = HTMLReport(results, catalog: catalog).render()
    written.append(try save(html, folder.appendingPathComponent("index.html")))
    return written
  }

  /// Writes each interpreter's plots and report into a folder of its own
  /// (`1-CPython-3.11.7/`, …) and, in `directory`, `index.html`: the runs
  /// side by side, linking to each one's plots.
  ///
  /// - Returns: the paths written, the index last.
  @discardableResult
  package static func write(
    _ runs: InterpreterRuns, catalog: Catalog = .standard, to directory: String
  ) throws -> [String] {
    let folders = folders(of: runs)
    var written: [String] = []
    for (run, folder) in zip(runs.runs, folders) {
      written += try write(run, catalog: catalog, to: directory + "/" + folder)
    }
    let html = SideBySideReport(runs, catalog: catalog).html(folders: folders)
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    written.append(try save(html, folder.appendingPathComponent("index.html")))
    return written
  }

  /// The folder of each run inside a side-by-side plot folder.
  package static func folders(of runs: InterpreterRuns) -> [String] {
    runs.runs.enumerated().map { i, run in
      "\(i + 1)-" + fileName(run.python.map { "\($0.implementation)-\($0.version)" } ?? "run")
    }
  }

  /// `directory`, created if needed.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when it cannot be created.
  static func makeFolder(_ directory: String) throws -> URL {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw ComplexityError(
        .badInput, "cannot create the plot folder \(directory): \(error.localizedDescription)")
    }
    return folder
  }

  /// Checks, before any work, that `directory` is a folder or can be made.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when something else is there.
  package static func check(_ directory: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw ComplexityError(
          .badInput, "--plot \(directory) is a file: give a folder for the plots")
      }
      return
    }
    try OutputFile(directory).check()
  }

  /// An op id as a file name: ids are `family.name`, but a stray `/` or
  /// leading dot must not escape the folder or hide the file.
  static func fileName(_ op: String) -> String {
    var name = op.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "_" : String($0) }.joined()
    while name.hasPrefix(".") { name.removeFirst() }
    return name.isEmpty ? "op" : name
  }

  private static func save(_ text: String, _ url: URL) throws -> String {
    try OutputFile(url.path).write(text)
    return url.path
  }
}
