import Foundation

/// Several Python implementations of the same job, to be raced over the
/// same sizes in the same interpreter (see `Race`).
///
/// A recipe file is JSON; code fields take a string or a list of lines:
///
///     {
///       "name": "building a list of n ints",
///       "about": "what is timed, printed with the results",
///       "requires": ["numpy"],
///       "once": ["import numpy as np"],
///       "setup": "pass",
///       "implementations": [
///         {"name": "loop", "statement": ["a = []", "for i in range(n): a.append(i)"]},
///         {"name": "comp", "statement": "[i for i in range(n)]"},
///         {"name": "mine", "file": "mine.py"}
///       ],
///       "sizes": {"min": 1000, "max": 1000000, "perOctave": 1},
///       "variable": "n",
///       "repeats": 7
///     }
///
/// `once` runs a single time per interpreter, untimed, before any set-up:
/// imports, compiled functions, pools and clusters live there and are
/// reused by every size. `setup` runs untimed whenever an implementation is
/// about to be timed at a size (`n` is defined, and `RECIPE_DIR`, the
/// recipe's folder). A `file` implementation defines `run(x)`, and
/// optionally `setup(n)` to build its own `x`; paths are relative to the
/// recipe. `sizes` is a geometric grid, a list, or `"cores"` (1, 2, … up to
/// the cores present). `variable` other than `n` (e.g. `workers`) makes a
/// scaling race: the value is bound under that name too, no class is
/// fitted, and speed-up and efficiency are reported instead.
package struct RaceRecipe: Sendable, Equatable {
  /// One contender: a statement, or a file defining `run(x)`.
  package struct Implementation: Sendable, Equatable {
    /// The name it is reported under.
    package var name: String
    /// The code timed, once per iteration.
    package var statement: String?
    /// A Python file defining `run(x)` and optionally `setup(n)`.
    package var file: String?

    package init(name: String, statement: String? = nil, file: String? = nil) {
      self.name = name
      self.statement = statement
      self.file = file
    }
  }

  /// The sizes raced over.
  package enum Sizes: Sendable, Equatable {
    /// A geometric grid.
    case plan(SizePlan)
    /// Exactly these values.
    case list([Int])
    /// 1, 2, … up to the cores present.
    case cores

    /// The values, ascending and distinct.
    package func resolve(cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Int] {
      switch self {
      case .plan(let plan): return plan.sizes
      case .list(let values): return Array(Set(values)).sorted()
      case .cores: return Array(1...max(1, cores))
      }
    }
  }

  /// A Python module the recipe imports, and what to install to get it.
  package struct Requirement: Sendable, Equatable {
    /// The import name, e.g. `dask.distributed`.
    package var module: String
    /// The package to install, e.g. `dask[distributed]`.
    package var package: String

    /// Parses `module` or `module=package`.
    package init(_ text: String) {
      let parts = text.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      module = parts[0]
      package = parts.count > 1 ? parts[1] : String(parts[0].split(separator: ".")[0])
    }
  }

  package var name: String
  /// What is timed and what is not, printed with the results.
  package var about: String?
  package var requires: [Requirement]
  /// Code run once per interpreter, untimed.
  package var once: String?
  /// Code run untimed before an implementation is timed at a size.
  package var setup: String
  package var implementations: [Implementation]
  package var sizes: Sizes
  /// The name of the swept value: `n`, or e.g. `workers` for a scaling race.
  package var variable: String
  /// Samples per implementation and size (nil: the command's default).
  package var repeats: Int?
  /// The folder relative paths and `RECIPE_DIR` refer to.
  package var directory: String
  /// What the seed claims about the implementations, each answered with
  /// the results (`RaceClaim`).
  package var claims: [RaceClaim]
  /// What a timed race's classes come from: `.time`, or `.instructions`
  /// counted under callgrind after the timing (the policy of `sweep`:
  /// counts do not see the caches). Only for work done in the
  /// interpreter's own process: callgrind sees no child process.
  package var classesBy: Metric

  package init(
    name: String, about: String? = nil, requires: [Requirement] = [], once: String? = nil,
    setup: String = "pass", implementations: [Implementation],
    sizes: Sizes = .plan(SizePlan()), variable: String = "n", repeats: Int? = nil,
    directory: String = FileManager.default.currentDirectoryPath, claims: [RaceClaim] = [],
    classesBy: Metric = .time
  ) {
    self.name = name
    self.about = about
    self.requires = requires
    self.once = once
    self.setup = setup
    self.implementations = implementations
    self.sizes = sizes
    self.variable = variable
    self.repeats = repeats
    self.directory = directory
    self.claims = claims
    self.classesBy = classesBy
  }

  /// Whether the race sweeps a count of workers (and reports speed-up),
  /// rather than a problem size (and fits classes).
  package var isScaling: Bool { Self.isScaling(variable) }

  /// Whether a race over `variable` is a scaling race: any name but `n`.
  package static func isScaling(_ variable: String) -> Bool { variable != "n" }

  /// Checks what parsing cannot: at least two uniquely named
  /// implementations, each with exactly one of statement and file, and
  /// sizes enough to fit a class.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` saying what to change.
  package func validate() throws {
    guard implementations.count >= 2 else {
      throw ComplexityError(
        .badInput,
        "recipe '\(name)' has \(implementations.count) implementation(s): a race needs at least 2")
    }
    if classesBy == .memory {
      throw ComplexityError(
        .badInput, "\"classesBy\" is time or instructions: memory has a race of its own")
    }
    for (i, claim) in claims.enumerated() {
      try claim.validate(names: implementations.map(\.name), scaling: isScaling, index: i)
    }
    var seen = Set<String>()
    for impl in implementations {
      guard !impl.name.isEmpty,
        impl.name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) })
      else {
        throw ComplexityError(
          .badInput,
          "implementation name '\(impl.name)' must be letters, digits, '_', '-' or '.'")
      }
      guard seen.insert(impl.name).inserted else {
        throw ComplexityError(.badInput, "two implementations are named '\(impl.name)': rename one")
      }
      guard (impl.statement == nil) != (impl.file == nil) else {
        throw ComplexityError(
          .badInput,
          "implementation '\(impl.name)' needs either \"statement\" or \"file\", not both or neither"
        )
      }
      if let statement = impl.statement,
        statement.allSatisfy({ $0.isWhitespace })
      {
        throw ComplexityError(
          .badInput,
          "implementation '\(impl.name)' has an empty statement: give the code to time, "
            + "e.g. -s \(impl.name)='[i for i in range(n)]'")
      }
    }
    guard variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
      variable.first?.isLetter == true
    else {
      throw ComplexityError(
        .badInput, "variable '\(variable)' must be a Python name, like n or workers")
    }
    if let repeats, !(1...1000).contains(repeats) {
      throw ComplexityError(.badInput, "repeats \(repeats) must be between 1 and 1000")
    }
    // A plan's bounds first: its sizes cannot even be listed with a
    // minimum below 1 or no points per octave.
    if case .plan(let plan) = sizes { try plan.validate() }
    let values = sizes.resolve()
    guard values.allSatisfy({ $0 >= 1 }), !values.isEmpty else {
      throw ComplexityError(.badInput, "sizes must be at least 1")
    }
    if !isScaling, values.count < Classifier.minimumSizes {
      throw ComplexityError(
        .badInput,
        "a race over n needs \(Classifier.minimumSizes) sizes to fit a class; the recipe gives "
          + "\(values.count): widen \"sizes\" (or set \"variable\" for a scaling race)")
    }
  }
}
