/// How far an adaptive sweep may go looking for a separation: its time
/// budget, how far past the plan's largest size, and the memory it may
/// fill. The defaults are declared here once, for every caller.
package struct SweepLimits: Sendable, Equatable {
  /// Seconds an operation may take before its sweep stops extending.
  package var budgetSeconds: Double
  /// How far past the plan's maximum the sweep may extend (a factor).
  package var maximumExtension: Int
  /// Resident bytes the subject's process may reach.
  package var memoryCap: UInt64

  package init(
    budgetSeconds: Double = 10, maximumExtension: Int = 4,
    memoryCap: UInt64 = ResidentMemory.physical / 4
  ) {
    self.budgetSeconds = budgetSeconds
    self.maximumExtension = maximumExtension
    self.memoryCap = memoryCap
  }
}
