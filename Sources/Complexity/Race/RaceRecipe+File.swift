import Foundation

extension RaceRecipe {
  /// The fields a recipe file may have; any other is an error, so a typo
  /// (`"implementation"`, `"setUp"`) is reported rather than ignored.
  static let fields: Set<String> = [
    "name", "about", "requires", "once", "setup", "implementations", "sizes", "variable",
    "repeats", "claims", "classesBy",
  ]
  static let claimFields: Set<String> = [
    "says", "seed", "faster", "than", "speedsUp", "atLeast", "atMost", "at", "cores", "metric",
  ]
  static let implementationFields: Set<String> = ["name", "statement", "file"]
  static let sizeFields: Set<String> = ["min", "max", "perOctave"]

  /// Reads a recipe file (JSON; see `RaceRecipe`).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the file and what is
  ///   wrong in it: missing, not JSON, an unknown or mistyped field.
  package static func load(path: String) throws -> RaceRecipe {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ComplexityError(.badInput, "no such recipe file: \(path)")
    }
    let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    do {
      return try parse(data, directory: directory)
    } catch let error as ComplexityError {
      throw ComplexityError(error.kind, "\(path): \(error.description)")
    }
  }

  /// Parses a recipe from JSON text.
  ///
  /// - Parameter directory: what relative paths and `RECIPE_DIR` refer to.
  /// - Throws: `ComplexityError(.badInput, …)` saying what is wrong.
  package static func parse(_ data: Data, directory: String) throws -> RaceRecipe {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ComplexityError(
        .badInput, "not valid JSON (\(Self.jsonProblem(error))): a recipe is a JSON object")
    }
    guard let top = object as? [String: Any] else {
      throw ComplexityError(
        .badInput, "a recipe is a JSON object with \"name\" and \"implementations\"")
    }
    try checkFields(top, allowed: fields, in: "the recipe")
    guard let name = top["name"] as? String, !name.isEmpty else {
      throw ComplexityError(.badInput, "\"name\" is missing or not a string")
    }
    guard let list = top["implementations"] as? [Any] else {
      throw ComplexityError(
        .badInput,
        "\"implementations\" is missing or not a list of {\"name\", \"statement\" or \"file\"}")
    }
    var implementations: [Implementation] = []
    for (i, item) in list.enumerated() {
      guard let entry = item as? [String: Any] else {
        throw ComplexityError(.badInput, "implementations[\(i)] is not an object")
      }
      try checkFields(entry, allowed: implementationFields, in: "implementations[\(i)]")
      guard let implName = entry["name"] as? String else {
        throw ComplexityError(.badInput, "implementations[\(i)] has no \"name\"")
      }
      let file = try optionalString(entry["file"], field: "implementations[\(i)].file")
      implementations.append(
        Implementation(
          name: implName,
          statement: try code(entry["statement"], field: "implementations[\(i)].statement"),
          file: file.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }))
    }
    let requires = try
      (top["requires"].map { value -> [String] in
        guard let names = value as? [String] else {
          throw ComplexityError(.badInput, "\"requires\" must be a list of module names")
        }
        return names
      } ?? []).map(Requirement.init)
    var repeats: Int?
    if let value = top["repeats"] {
      guard let r = value as? Int else {
        throw ComplexityError(.badInput, "\"repeats\" must be a whole number")
      }
      repeats = r
    }
    let recipe = RaceRecipe(
      name: name,
      about: try code(top["about"], field: "about").map {
        $0.replacingOccurrences(of: "\n", with: " ")
      },
      requires: requires, once: try code(top["once"], field: "once"),
      setup: try code(top["setup"], field: "setup") ?? "pass", implementations: implementations,
      sizes: try sizes(top["sizes"]),
      variable: try optionalString(top["variable"], field: "variable") ?? "n",
      repeats: repeats, directory: directory, claims: try claims(top["claims"]),
      classesBy: try optionalString(top["classesBy"], field: "classesBy").map { word in
        guard let metric = Metric(rawValue: word) else {
          throw ComplexityError(.badInput, "\"classesBy\" is \"time\" or \"instructions\"")
        }
        return metric
      } ?? .time)
    try recipe.validate()
    return recipe
  }

  // MARK: - Implementation details

  private static func checkFields(
    _ object: [String: Any], allowed: Set<String>, in place: String
  )
    throws
  {
    let unknown = Set(object.keys).subtracting(allowed).sorted()
    guard unknown.isEmpty else {
      throw ComplexityError(
        .badInput,
        "unknown field \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")) in \(place): "
          + "known fields are \(allowed.sorted().joined(separator: ", "))")
    }
  }

  /// The recipe's claims: a list of objects with `claimFields`.
  private static func claims(_ value: Any?) throws -> [RaceClaim] {
    guard let value else { return [] }
    guard let list = value as? [[String: Any]] else {
      throw ComplexityError(.badInput, "\"claims\" must be a list of {\"says\", …} objects")
    }
    return try list.enumerated().map { i, claim in
      try checkFields(claim, allowed: claimFields, in: "claims[\(i)]")
      do {
        return try JSONDecoder().decode(
          RaceClaim.self, from: try JSONSerialization.data(withJSONObject: claim))
      } catch {
        throw ComplexityError(
          .badInput,
          "claims[\(i)] is not a claim (\"says\" a string; \"faster\", \"than\" or "
            + "\"speedsUp\" names; \"atLeast\"/\"atMost\" numbers; \"at\", \"cores\" whole numbers)"
        )
      }
    }
  }

  private static func optionalString(_ value: Any?, field: String) throws -> String? {
    guard let value else { return nil }
    guard let s = value as? String else {
      throw ComplexityError(.badInput, "\"\(field)\" must be a string")
    }
    return s
  }

  /// Code: a string, or a list of lines joined with newlines.
  private static func code(_ value: Any?, field: String) throws -> String? {
    guard let value else { return nil }
    if let s = value as? String { return s }
    if let lines = value as? [String] { return lines.joined(separator: "\n") }
    throw ComplexityError(.badInput, "\"\(field)\" must be a string or a list of lines")
  }

  private static func sizes(_ value: Any?) throws -> Sizes {
    guard let value else { return .plan(SizePlan()) }
    if let word = value as? String {
      guard word == "cores" else {
        throw ComplexityError(
          .badInput, "\"sizes\" is \"\(word)\": the only word it takes is \"cores\"")
      }
      return .cores
    }
    if let list = value as? [Any] {
      let ints = list.compactMap { $0 as? Int }
      guard ints.count == list.count, !ints.isEmpty else {
        throw ComplexityError(.badInput, "\"sizes\" as a list must hold whole numbers")
      }
      return .list(ints)
    }
    if let grid = value as? [String: Any] {
      try checkFields(grid, allowed: sizeFields, in: "\"sizes\"")
      guard let lo = grid["min"] as? Int, let hi = grid["max"] as? Int else {
        throw ComplexityError(.badInput, "\"sizes\" needs whole numbers \"min\" and \"max\"")
      }
      let per = grid["perOctave"].map { $0 as? Int ?? -1 } ?? 2
      return .plan(SizePlan(minimum: lo, maximum: hi, pointsPerOctave: per))
    }
    throw ComplexityError(
      .badInput,
      "\"sizes\" must be {\"min\", \"max\", \"perOctave\"}, a list of sizes, or \"cores\"")
  }

  private static func jsonProblem(_ error: Error) -> String {
    let info = (error as NSError).userInfo
    return (info["NSDebugDescription"] as? String) ?? error.localizedDescription
  }
}
