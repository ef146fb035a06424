import Foundation

/// What one operation's plot shows, before any drawing: the measured points
/// and the curves of the chosen fit and of the documented class.
///
/// `SVGChart` draws it; keeping the content apart from the geometry lets
/// tests check what is plotted without reading SVG.
package struct OperationChart: Equatable, Sendable {
  /// The timings at one size.
  package struct Spread: Equatable, Sendable {
    package var n: Int
    /// The fastest sample.
    package var minimum: Double
    /// The slowest sample.
    package var maximum: Double
    /// The value fitted: the fastest sample, or the classifier's own where
    /// it kept one (the median of the inputs of a Swift op whose layouts
    /// differ, `Classification.fitted`).
    package var fitted: Double
    /// The classifier set this size aside as off the curve on its own.
    package var isOutlier = false
  }

  /// A model drawn as a curve across the measured sizes.
  package struct Curve: Equatable, Sendable {
    /// What the curve stands for.
    package enum Role: String, Sendable {
      /// The model of the class the classifier chose.
      case fit
      /// The documented class, scaled to the measurements.
      case documented
      /// Both at once: the chosen class is the documented one.
      case fitAndDocumented
    }

    package var role: Role
    package var complexityClass: ComplexityClass
    /// The legend text, e.g. `fit O(n)` or `documented O(1)`.
    package var label: String
    /// `(n, seconds)` along the curve, log-evenly spaced in `n`; only
    /// positive values, so every one can be drawn on a log axis.
    package var samples: [(n: Double, seconds: Double)]

    package static func == (lhs: Curve, rhs: Curve) -> Bool {
      lhs.role == rhs.role && lhs.complexityClass == rhs.complexityClass
        && lhs.label == rhs.label && lhs.samples.elementsEqual(rhs.samples) { $0 == $1 }
    }
  }

  /// The operation's id.
  package var op: String
  /// `op: documented …, measured … (verdict)`.
  package var title: String
  /// The documentation row the op comes from, where there is one.
  package var subtitle: String?
  /// Documented against measured, where both exist.
  package var verdict: Verdict?
  /// What the x axis is: the swept variable, e.g. `n = len(l)`.
  package var sizeLabel: String
  /// What the y axis is: seconds or instructions per operation.
  package var metric: Metric
  /// Min and max per size, ascending in `n`.
  package var spreads: [Spread]
  /// The chosen fit and the documented class (one curve when they coincide).
  package var curves: [Curve]
  /// Said in place of a plot when there is nothing to draw, or why the
  /// sweep failed.
  package var remark: String?

  /// Samples taken along each curve.
  static let curveSamples = 80

  /// The chart of one result.
  ///
  /// - Parameters:
  ///   - result: the operation's points and classification.
  ///   - operation: its catalog entry, for the seed row and swept variable.
  package init(_ result: OperationResult, operation: Operation? = nil) {
    op = result.op
    let documented = operation?.documentedText ?? result.documented?.rawValue ?? "none"
    var title = "\(result.op): documented \(documented), measured "
    title += result.classification?.outcome.description ?? result.measuredName
    if let verdict = result.verdict { title += " (\(verdict.rawValue))" }
    self.title = title
    verdict = result.verdict
    subtitle = operation?.seedRow.map { "\($0.table): \($0.operation) (\($0.example))" }
    sizeLabel = operation?.swept ?? "n"
    metric = result.metric
    let fitted = Dictionary(
      (result.classification?.fitted ?? []).map { ($0.n, $0.best) }, uniquingKeysWith: min)
    spreads = result.points.mergedBySize().compactMap { p in
      let samples = p.samples.filter { $0.isFinite && $0 > 0 }
      guard let lo = samples.min(), let hi = samples.max() else { return nil }
      return Spread(n: p.n, minimum: lo, maximum: hi, fitted: fitted[p.n] ?? lo)
    }
    if result.classification != nil, spreads.count >= Classifier.minimumSizes,
      let outliers = try? OutlierScreen.outliers(
        sizes: spreads.map { Double($0.n) }, values: spreads.map(\.fitted))
    {
      // The same screen the classifier ran, on the same values.
      for i in outliers { spreads[i].isOutlier = true }
    }
    curves = Self.curves(result, spreads: spreads)
    if spreads.isEmpty {
      remark = result.failure.map { "failed before any size was timed: \($0)" } ?? "no timings"
    } else if let failure = result.failure {
      remark = "failed: \(failure)"
    }
  }

  // MARK: - Implementation details

  private static func curves(_ result: OperationResult, spreads: [Spread]) -> [Curve] {
    guard spreads.count >= 2 else { return [] }
    let sizes = spreads.map { Double($0.n) }
    let values = spreads.map(\.fitted)
    var curves: [Curve] = []
    let c = result.classification
    if let c, let model = c.model(c.best) {
      var label = "fit \(c.best)"
      if case .inconclusive(let x, let y) = c.outcome { label += " (inconclusive: \(x) | \(y))" }
      var role = Curve.Role.fit
      if result.documented == c.best {
        role = .fitAndDocumented
        label += " = documented"
      }
      curves.append(curve(role, c.best, label, sizes: sizes) { model.predict($0) })
    }
    if let documented = result.documented, c?.best != documented || c == nil {
      curves.append(documentedCurve(documented, result, sizes: sizes, values: values))
    }
    return curves.filter { $0.samples.count >= 2 }
  }

  /// The documented class scaled to the measurements: its own weighted fit
  /// `a + b·f(n)`, or its pure shape `f(n)` through the smallest size when
  /// that fit cannot show the class. A fit that needs `b < 0` would draw a
  /// falling cost the documentation never claimed, and one whose growth is
  /// within the O(1) tolerance is a flat line hiding under the O(1) fit;
  /// the shape shows what the documented class would look like instead.
  private static func documentedCurve(
    _ documented: ComplexityClass, _ result: OperationResult, sizes: [Double],
    values: [Double]
  ) -> Curve {
    let model =
      result.classification?.model(documented)
      ?? (try? ModelFit.fit(documented, sizes: sizes, values: values))
    let nMin = sizes.first!, nMax = sizes.last!
    let tolerance = Classifier().constantTolerance
    if let model, model.isValid, model.predict(nMin) > 0, model.predict(nMax) > 0,
      documented == .constant || model.growth(from: nMin, to: nMax) >= tolerance
    {
      return curve(.documented, documented, "documented \(documented)", sizes: sizes) {
        model.predict($0)
      }
    }
    let shape = { (n: Double) in documented.scaledTerm(n, largest: nMax) ?? 1 }
    let anchor = values.first! / shape(nMin)
    return curve(
      .documented, documented, "documented \(documented), shape through the smallest size",
      sizes: sizes
    ) { anchor * shape($0) }
  }

  private static func curve(
    _ role: Curve.Role, _ c: ComplexityClass, _ label: String, sizes: [Double],
    _ predict: (Double) -> Double
  ) -> Curve {
    let (lo, hi) = (log(sizes.first!), log(sizes.last!))
    let k = curveSamples
    let samples = (0...k).map { i -> (n: Double, seconds: Double) in
      let n = exp(lo + (hi - lo) * Double(i) / Double(k))
      return (n, predict(n))
    }.filter { $0.seconds.isFinite && $0.seconds > 0 }
    return Curve(role: role, complexityClass: c, label: label, samples: samples)
  }
}
