import Foundation

extension PlotFolder {
  /// Writes the plots of two-variable rows as small multiples: for each
  /// row a folder of its own holding one plot per column (the cost over n
  /// at one value of the second variable, log axes, as every plot) and
  /// that folder's `index.html`; in `directory`, `index.html` lists the
  /// rows with their formulas and links to each.
  ///
  /// - Returns: the paths written, the index last.
  @discardableResult
  package static func write(_ rows: [GridRows.Row], to directory: String) throws -> [String] {
    var written: [String] = []
    var items: [String] = []
    for row in rows {
      let folder = fileName(row.op)
      if let columns = row.columns {
        written += try write(columns, to: directory + "/" + folder)
      }
      let measured = row.report?.measured ?? "failed: " + (row.failure ?? "")
      let verdict = row.report?.verdict.map { " (\($0.rawValue))" } ?? ""
      items.append(
        "<tr><td><a href=\"\(Markup.escape(folder))/index.html\">\(Markup.escape(row.op))</a></td>"
          + "<td>\(Markup.escape(row.documented))</td><td>\(Markup.escape(measured + verdict))</td>"
          + "<td>\(Markup.escape(row.report?.sweep?.grid ?? ""))</td></tr>")
    }
    let html = """
      <!doctype html>
      <html><head><meta charset="utf-8"><title>complexity: costs in two variables</title>
      <style>body { font-family: system-ui, sans-serif; margin: 2em; }
      td, th { padding: 0.2em 0.8em; text-align: left; }</style></head>
      <body><h1>Costs in two variables</h1>
      <p>Each row links to its columns: the cost over n at each value of the second variable.</p>
      <table><tr><th>op</th><th>documented</th><th>measured</th><th>grid</th></tr>
      \(items.joined(separator: "\n"))
      </table></body></html>

      """
    // The folder, though no row's columns were written into it.
    let index = try makeFolder(directory).appendingPathComponent("index.html").path
    try OutputFile(index).write(html)
    return written + [index]
  }
}
