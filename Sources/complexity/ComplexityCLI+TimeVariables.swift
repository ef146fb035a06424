import ArgumentParser
import Complexity
import Foundation

extension ComplexityCLI.Time {
  /// `time --var k=…`: the statement swept over n and the second variable,
  /// fitted in both (`TwoVariableSession`).
  func runTwoVariables() throws {
    var plan = try sizes.plan()
    var second: SweptVariable?
    for text in variables {
      let variable = try SweptVariable.parse(text)
      if variable.name == "n" {
        (plan.minimum, plan.maximum) = (variable.values.first!, variable.values.last!)
        try plan.validate()
      } else if let second {
        throw ComplexityError(
          .badInput,
          "--var \(second.name) and --var \(variable.name): two variables at most, n and one more")
      } else {
        second = variable
      }
    }
    guard let variable = second else {
      throw ComplexityError(
        .badInput, "--var names only n: add the second variable, e.g. --var k=1..1024")
    }
    let expected = try expect.map {
      try TwoVariableModel.parsed($0, "n", variable.name, what: "--expect ")
    }
    let code =
      try file.map { try PythonCode.file($0, fresh: fresh, variable: variable.name) }
      ?? statementCode
    let session = TwoVariableSession(
      code: code, id: file.map(PythonCode.opID(forFile:)) ?? "user.snippet",
      variable: variable, expected: expected,
      options: try runnerOptions(plan: plan), metric: metric)
    let progress = Progress(enabled: !quiet && isatty(STDERR_FILENO) != 0)
    let outcome = try session.run(progress.show)
    progress.finish()
    guard let report = outcome.report else {
      // The columns measured before the failure are kept, in the format asked for.
      try output.emit(try ResultsReport(outcome.columns).render(output.format))
      throw ComplexityError(.subject, outcome.failure ?? "the two-variable sweep failed")
    }
    try output.emit(try report.render(output.format))
    if report.verdict == .differs { throw ExitCode(1) }
  }
}
