/// Two runs of the two-variable rows, row by row: the formula in each and
/// whether it changed (`complexity compare` on two `sweep --two-variables`
/// files).
package struct GridRowsComparison {
  /// One row in both runs.
  package struct Entry {
    package var op: String
    package var a: String
    package var b: String
    package var change: Change
  }

  /// How a row's formula moved between the runs.
  package enum Change: String {
    /// The same formula (or the same two contenders).
    case same
    /// The runs share a contender but not the outcome: one could not
    /// separate what the other chose.
    case unsettled
    /// No formula in common.
    case changed
    /// Measured in one run only, or failed in one.
    case missing = "not in both"
  }

  package var labels: (String, String)
  package var entries: [Entry]

  package init(_ a: [GridRows.Row], _ b: [GridRows.Row], labels: (String, String)) {
    self.labels = labels
    let byOp = Dictionary(b.map { ($0.op, $0) }, uniquingKeysWith: { first, _ in first })
    let ops = a.map(\.op) + b.map(\.op).filter { op in !a.contains { $0.op == op } }
    entries = ops.map { op in
      let left = a.first { $0.op == op }?.report
      let right = byOp[op]?.report
      let change: Change
      switch (left, right) {
      case (let l?, let r?):
        change =
          l.contenders == r.contenders
          ? .same : l.contenders.isDisjoint(with: r.contenders) ? .changed : .unsettled
      default: change = .missing
      }
      return Entry(
        op: op, a: left?.measured ?? "-", b: right?.measured ?? "-", change: change)
    }
  }

  /// 1 when a row's formula changed, else 0.
  package var exitStatus: Int32 { entries.contains { $0.change == .changed } ? 1 : 0 }
}
