import ArgumentParser
import Complexity

extension MetricChoice: ExpressibleByArgument {}

extension MetricChoice {
  /// `--metric` of `sweep` and `time`.
  static let help = ArgumentHelp(
    "time: seconds per op; instructions: instructions per op under valgrind; both; auto: time, and instructions where time is in doubt.",
    discussion: """
      Instruction counts do not vary with the machine's load, so their verdicts repeat \
      exactly, but they are blind to cache misses and the kernel's work; time is what \
      users feel. With both, an op that time leaves inconclusive and instructions settle \
      reports the instruction verdict, and every disagreement is explained. Auto (the \
      default) counts only the ops whose timing is in doubt: inconclusive, or differing \
      from the documented class; it skips the counts where valgrind is missing, and says \
      so in the op's notes.
      """)
}

extension ArgumentHelp {
  /// The help with `(default: …)` after its abstract, for an option whose
  /// default the parser cannot show (an optional resolved later).
  func withDefault(_ text: String) -> ArgumentHelp {
    var help = self
    help.abstract += " (default: \(text))"
    return help
  }
}
