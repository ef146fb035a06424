/// What the fitter concluded about one sweep.
public struct Classification: Codable, Sendable, Equatable {
  /// A settled class, or the two classes the evidence cannot separate.
  public enum Outcome: Codable, Sendable, Equatable, CustomStringConvertible {
    case conclusive(ComplexityClass)
    case inconclusive(ComplexityClass, ComplexityClass)
    /// Growth steeper than every candidate: steeper than 2ⁿ, or
    /// polynomial with a log-log slope past n³'s (never called the
    /// largest class).
    case steeper(than: ComplexityClass, slope: Double)

    /// The class name, `inconclusive`, or what the growth is steeper than.
    public var name: String {
      switch self {
      case .conclusive(let c): return c.rawValue
      case .inconclusive: return "inconclusive"
      case .steeper(let c, let slope):
        return c == .exponential
          ? "steeper than \(c)" : "polynomial, slope \(String(format: "%.1f", slope))"
      }
    }

    public var description: String {
      switch self {
      case .conclusive(let c): return c.rawValue
      case .inconclusive(let a, let b): return "inconclusive (\(a) | \(b))"
      case .steeper: return name
      }
    }

    /// The settled class, if there is one.
    public var settled: ComplexityClass? {
      if case .conclusive(let c) = self { return c }
      return nil
    }
  }

  /// The verdict of the measurement alone.
  public var outcome: Outcome
  /// The class the selection rule picks on the measured data.
  public var best: ComplexityClass
  /// The strongest competitor of `best`.
  public var runnerUp: ComplexityClass
  /// Share of resamples (0…1) on which the selection rule picks `best` again;
  /// where sizes were counted on two or more inputs that differ, the lesser of that
  /// and the share of draws of the inputs per size that pick it.
  public var confidence: Double
  /// Akaike weight of `best` among the valid models (0…1).
  public var akaikeWeight: Double
  /// The fitted growth `t(nMax)/t(nMin) − 1` of the best growing model; below
  /// the classifier's tolerance the operation counts as O(1).
  public var growth: Double
  /// Every candidate model as fitted.
  public var models: [ModelFit]
  /// The log-log slope over each octave of `n`.
  public var octaveSlopes: [OctaveSlope]
  /// The log-log slope over the top two octaves.
  public var slope: Double?
  /// Smallest and largest size measured.
  public var sizeRange: ClosedRange<Int>
  /// Plain-language remarks on how the verdict was reached.
  public var notes: [String]
  /// The value fitted at each size, one sample each (sizes set aside as
  /// outliers included), where it is not the fewest of the size's samples:
  /// for sizes counted on inputs whose layouts differ, the median of the
  /// inputs' fewest counts (`Classifier.inputMedians`). Nil where the
  /// fewest sample of each size was fitted.
  public var fitted: [Point]? = nil

  /// The fitted model of a class.
  public func model(_ c: ComplexityClass) -> ModelFit? {
    models.first { $0.complexityClass == c }
  }
}
