extension KeyedDecodingContainer {
  /// The format version at `key`, which must be `current`: every results
  /// document (a run, runs side by side, a race) refuses any other.
  ///
  /// - Throws: `DecodingError.dataCorrupted` naming `what` and both versions.
  func decodeVersion(_ key: Key, current: Int, of what: String) throws -> Int {
    let version = try decode(Int.self, forKey: key)
    guard version == current else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription: "unsupported \(what) version \(version) (this tool reads \(current))")
    }
    return version
  }
}
