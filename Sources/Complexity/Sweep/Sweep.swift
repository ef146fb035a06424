import Foundation

/// The sweep engine, shared by every subject and metric: visits the
/// planned sizes, calibrates iterations per sample, and keeps every sample.
package struct Sweep: Sendable {
  package var plan: SizePlan
  /// How each size is sampled, in the subject's unit.
  package var sampling: SampleSettings

  package init(plan: SizePlan = SizePlan(), sampling: SampleSettings) {
    self.plan = plan
    self.sampling = sampling
  }

  /// A sweep that times: samples last `timing.minimumSampleSeconds`.
  package init(plan: SizePlan = SizePlan(), timing: TimingOptions = TimingOptions()) {
    self.init(plan: plan, sampling: timing.sampling)
  }

  /// Measures a subject at every planned size, smallest first.
  ///
  /// For each size, unmeasured calibration runs find the iteration count
  /// that makes a sample cost at least `sampling.minimumSample`. Then
  /// `sampling.repeats` rounds each take one sample of every size, in a
  /// shuffled order. Samples are stored per operation (total / iterations).
  ///
  /// - Parameters:
  ///   - subject: the adapter that prepares and measures the operation.
  ///   - sizes: sizes to visit instead of the plan's (for resumed or adaptive runs).
  ///   - memory: stops before a size whose input would pass the memory
  ///     cap (`MemoryGuard`): the sizes below it are sampled and returned.
  ///   - budget: the time the sweep may take (`SweepBudget`): a size whose
  ///     calibration and samples would not fit is not started, a round
  ///     that would not fit is not begun, and a call that runs past the
  ///     budget is stopped (`Interruptible` subjects).
  ///   - known: points measured before (by an earlier pass), from which
  ///     the iterations of a kept calibration are predicted.
  ///   - delegate: receives an event as each size starts and finishes.
  /// - Returns: one point per size (fewer when `memory` or `budget`
  ///   refused one).
  /// - Throws: `SweepFailure`, whose `partial` keeps the points measured
  ///   before the subject failed.
  package func run<S: Subject>(
    _ subject: inout S, sizes: [Int]? = nil, memory: MemoryGuard? = nil,
    budget: SweepBudget? = nil, known: [Point] = [], delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> [Point] {
    let sizes = sizes ?? plan.sizes
    var points: [Point] = []
    // Wall seconds per call at each calibrated size: what the budget predicts from.
    var wall: [(n: Int, seconds: Double)] = []
    func sampleWall(_ i: Int) -> Double {
      max(sampling.minimumSample, Double(points[i].iterations) * wall[i].seconds)
    }
    var iterations = 1
    var current = 0
    do {
      // Calibrate every size once, smallest first.
      for (index, n) in sizes.enumerated() {
        current = n
        if let memory, !memory.allows(n, resident: subject.residentBytes()) { break }
        if let budget {
          let call = SweepBudget.predictedCall(at: n, from: wall) ?? 0
          let sample = max(sampling.minimumSample, call)
          let rounds = points.indices.map(sampleWall).reduce(0, +)
          // Calibrating costs about three short samples, or one long call;
          // then the size's own samples, and the rounds of the others.
          let cost = 3 * sample + Double(sampling.repeats) * (rounds + sample)
          guard budget.affords(cost) else {
            budget.refuse(n)
            break
          }
        }
        delegate(.startSize(n: n, index: index, of: sizes.count))
        let calibrated: (iterations: Int, wallPerCall: Double, sample: Double?)
        do {
          let start =
            sampling.keepsCalibration ? predictedIterations(at: n, from: known + points) : nil
          calibrated = try calibrate(
            &subject, size: n, from: start ?? iterations, budget: budget)
        } catch let error as ComplexityError where error.kind == .timedOut && budget != nil {
          // A size whose cost was not known yet ran long: the sizes
          // calibrated before it are still sampled, in what is left.
          budget?.interrupt(at: n)
          break
        }
        iterations = calibrated.iterations
        memory?.record(n)
        wall.append((n, calibrated.wallPerCall))
        let kept =
          sampling.keepsCalibration ? calibrated.sample.map { [$0 / Double(iterations)] } : nil
        points.append(Point(n: n, iterations: iterations, samples: kept ?? []))
      }
      // Then one sample per size per round, sizes in a shuffled order each
      // round, so a slow spell of the machine hits random sizes rather than
      // a run of neighbours that would read as a trend.
      var rng = SplitMix64(seed: 0xC0FFEE)
      rounds: for round in 0..<sampling.repeats {
        if let budget, round > 0, !budget.affords(points.indices.map(sampleWall).reduce(0, +)) {
          break rounds
        }
        delegate(.startRound(index: round, of: sampling.repeats))
        for i in points.indices.shuffled(using: &rng) where points[i].samples.count <= round {
          current = points[i].n
          if let budget, !budget.affords(sampleWall(i)) { break rounds }
          limit(&subject, budget)
          let k = points[i].iterations
          points[i].samples.append(try subject.sample(size: points[i].n, iterations: k) / Double(k))
        }
      }
    } catch {
      if let budget, (error as? ComplexityError)?.kind == .timedOut {
        budget.interrupt(at: current)
      }
      throw SweepFailure(
        size: current, underlying: error, partial: points.filter { !$0.samples.isEmpty })
    }
    points = points.filter { !$0.samples.isEmpty }
    for p in points { delegate(.finishSize(p)) }
    return points
  }

  /// Finds iterations per sample so that one sample costs enough, and the
  /// wall time of one call at that size (for the budget).
  /// (Internal, not private: the interleaved run calibrates with it too.)
  func calibrate<S: Subject>(
    _ subject: inout S, size: Int, from start: Int, budget: SweepBudget? = nil
  ) throws -> (iterations: Int, wallPerCall: Double, sample: Double?) {
    let target = sampling.minimumSample
    var k = max(1, start)
    var wallPerCall = 0.0
    for _ in 0..<30 {
      // A call whose cost is not known yet gets a quarter of what is left,
      // so that a wrong guess (2ⁿ from one size) leaves time for the rest.
      limit(&subject, budget, share: 0.25)
      let began = Date()
      let t = try subject.sample(size: size, iterations: k)
      wallPerCall = Date().timeIntervalSince(began) / Double(k)
      guard t.isFinite, t >= 0 else {
        throw ComplexityError(
          .subject,
          "the subject measured \(t) \(subject.metric.quantity) at n = \(size), which is "
            + "not a finite, non-negative number")
      }
      if t >= target {
        // Too long by far: fewer iterations serve just as well, faster
        // (a count already taken serves as it is).
        if t > 4 * target, k > 1, !sampling.keepsCalibration {
          return (max(1, Int((Double(k) * 1.5 * target / t).rounded(.up))), wallPerCall, nil)
        }
        return (k, wallPerCall, t)
      }
      if k >= sampling.maximumIterations { return (k, wallPerCall, t) }
      let scale = t > 0 ? min(1000, 1.5 * target / t) : 1000
      k = min(sampling.maximumIterations, max(k + 1, Int((Double(k) * scale).rounded(.up))))
    }
    return (k, wallPerCall, nil)
  }

  /// Iterations for a sample at `n` of about 1.5 times the minimum,
  /// predicted from the per-call cost at the two sizes measured nearest to
  /// `n` (their log-log slope, within 0…3); nil before any size is measured.
  func predictedIterations(at n: Int, from points: [Point]) -> Int? {
    let near = points.filter { ($0.samples.min() ?? 0) > 0 }
      .sorted { abs(log(Double($0.n) / Double(n))) < abs(log(Double($1.n) / Double(n))) }
    guard let nearest = near.first, let cost = nearest.samples.min() else { return nil }
    var slope = 1.0
    if near.count >= 2, let other = near[1].samples.min(), near[1].n != nearest.n {
      slope = log(cost / other) / log(Double(nearest.n) / Double(near[1].n))
      slope = min(3, max(0, slope))
    }
    let predicted = cost * pow(Double(n) / Double(nearest.n), slope)
    let k = (1.5 * sampling.minimumSample / predicted).rounded(.up)
    return Int(min(Double(sampling.maximumIterations), max(1, k)))
  }

  /// Gives an interruptible subject's next call what is left of the
  /// budget, or a `share` of it.
  private func limit<S: Subject>(_ subject: inout S, _ budget: SweepBudget?, share: Double = 1) {
    guard let budget, let interruptible = subject as? Interruptible else { return }
    interruptible.limitEachCall(to: max(0, budget.remaining) * share + SweepBudget.slack)
  }
}
