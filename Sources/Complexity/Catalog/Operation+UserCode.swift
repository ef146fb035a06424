extension Operation {
  /// A user's own Python code as an operation to sweep, judged against
  /// `expected` when one is given.
  package static func userCode(
    _ code: PythonCode, id: String = "user.snippet", expected: ComplexityClass? = nil
  ) -> Operation {
    Operation(
      id: id, subject: .python, seedRow: nil, swept: "n",
      documented: expected, documentedText: expected?.rawValue ?? "not given",
      source: "--expect", method: code.restore == nil ? "timed in a loop" : "fresh input per call",
      python: code)
  }
}
