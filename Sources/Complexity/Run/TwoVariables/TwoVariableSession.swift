import Foundation

/// A user's code swept in two variables (`complexity time --var k=…`): the
/// engine's sweep over n once for each value of the second variable, set
/// in the set-up as `k = VALUE`, and the points fitted in both by
/// `TwoVariableClassifier`, against an expected formula if one is given.
///
/// Each value is an op of its own (`user.snippet[k=256]`) in one run, so
/// the columns are counted side by side on every core and timed after,
/// alone, as the catalog's ops are; the grid is the engine's sizes of n
/// times the variable's values. The points fitted are instruction counts
/// where every column was counted (the metric's default), else times.
package struct TwoVariableSession {
  /// The code; its set-up sees `n` and the variable.
  package var code: PythonCode
  /// The op id the columns are named after.
  package var id: String
  package var variable: SweptVariable
  /// The formula the user expects, in `n` and the variable.
  package var expected: TwoVariableModel?
  package var options: Runner.Options
  package var metric: MetricChoice
  /// The names the formulas are spelled in (`len(s)`, `len(t)`); nil: `n`
  /// and the variable's.
  package var names: (String, String)?

  package init(
    code: PythonCode, id: String = "user.snippet", variable: SweptVariable,
    expected: TwoVariableModel?, options: Runner.Options, metric: MetricChoice,
    names: (String, String)? = nil
  ) {
    self.code = code
    self.id = id
    self.variable = variable
    self.expected = expected
    self.options = options
    self.metric = metric
    self.names = names
  }

  /// A catalog row's grid (`Operation.Grid`): its code over `k`'s values
  /// and n's range, judged by its documented formula in its own names.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a grid the catalog got
  ///   wrong (a formula outside the candidates, a bad range).
  package init(
    row op: Operation, grid: Operation.Grid, options: Runner.Options, metric: MetricChoice
  )
    throws
  {
    guard grid.names.count == 2, grid.n.count == 2 else {
      throw ComplexityError(.badInput, "\(op.id)'s grid is malformed: \(grid)")
    }
    let expected = try TwoVariableModel.parsed(
      grid.documented, grid.names[0], grid.names[1], what: "\(op.id)'s documented formula ")
    var options = options
    (options.plan.minimum, options.plan.maximum) = (grid.n[0], grid.n[1])
    try options.plan.validate()
    self.init(
      code: grid.python, id: op.id, variable: SweptVariable(name: "k", values: grid.values),
      expected: expected, options: options, metric: metric, names: (grid.names[0], grid.names[1]))
  }

  /// What a two-variable run produced.
  package struct Outcome {
    /// Each column's one-variable result, by value.
    package var columns: RunResults
    /// The fit and verdict, with the grid's points; nil when a column
    /// failed or too few points.
    package var report: TwoVariableReport?
    /// Why there is no report: a column's failure, or the fit's.
    package var failure: String?
  }

  /// The column ops: the code with `name = value` first in its set-up
  /// (and in its restore, which rebuilds a fresh input).
  package var operations: [Operation] {
    variable.values.map { value in
      var column = code
      let assignment = "\(variable.name) = \(value)\n"
      column.setup = assignment + column.setup
      column.restore = column.restore.map { assignment + $0 }
      return .userCode(column, id: "\(id)[\(variable.name)=\(value)]")
    }
  }

  /// Runs every column, then fits the grid.
  ///
  /// - Throws: `ComplexityError` for what `RunSession` refuses (a missing
  ///   tool, code that does not compile), before anything is measured.
  package func run(_ progress: @escaping (RunEvent) -> Void = { _ in }) throws -> Outcome {
    let session = try RunSession(.operations(operations), options: options, metric: metric)
    let columns = session.run(progress)
    var outcome = Outcome(columns: columns)
    if let failed = columns.results.first(where: { $0.failure != nil && $0.classification == nil })
    {
      outcome.failure = "\(failed.op) failed: \(failed.failure ?? "")"
      return outcome
    }
    guard let (metric, points) = Self.points(of: columns.results, values: variable.values) else {
      outcome.failure = "the columns were not all measured by one metric"
      return outcome
    }
    do {
      let classification = try TwoVariableClassifier().classify(points)
      let names = self.names ?? ("n", variable.name)
      var report = TwoVariableReport(
        classification: classification, names: names, documented: expected,
        points: points.count)
      let sizes = Set(points.map(\.x)).sorted()
      report.sweep = TwoVariableReport.Sweep(
        metric: metric,
        grid: "\(names.0) = \(sizes.first ?? 0)…\(sizes.last ?? 0) (\(sizes.count) sizes) "
          + "× \(names.1) = " + variable.values.map(String.init).joined(separator: ", "),
        columns: zip(variable.values, columns.results).map {
          TwoVariableReport.Column(
            value: $0, measured: ($1.measured(by: metric) ?? $1).measuredName)
        },
        values: points)
      outcome.report = report
    } catch {
      outcome.failure = "the two-variable fit failed: \(error)"
    }
    return outcome
  }

  /// The grid's points in one metric: instruction counts when every
  /// column has them (as its metric or beside it), else times.
  static func points(
    of columns: [OperationResult], values: [Int]
  )
    -> (Metric, [TwoVariablePoint])?
  {
    for metric in [Metric.instructions, .time] {
      let measured = columns.map { $0.measured(by: metric)?.points }
      guard measured.allSatisfy({ $0?.isEmpty == false }) else { continue }
      let points = zip(values, measured).flatMap { value, column in
        column!.map { TwoVariablePoint(x: $0.n, y: value, value: $0.best) }
      }
      return (metric, points)
    }
    return nil
  }
}
