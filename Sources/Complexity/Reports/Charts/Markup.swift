/// Escaping for text and attribute values in SVG and HTML.
enum Markup {
  /// `text` with the five XML special characters replaced by entities, so
  /// op ids, notes and paths can never break the markup around them.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A number for a coordinate: two decimals, no exponent, no `-0.00`.
  static func coordinate(_ x: Double) -> String {
    let s = String(format: "%.2f", x)
    return s == "-0.00" ? "0.00" : s
  }
}
