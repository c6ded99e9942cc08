/// Whether output may carry ANSI colour (only on a terminal, and never when `NO_COLOR` is set), and whether it
/// goes to a terminal at all, where text from outside must be made harmless even in CSV.
public struct TextStyle: Sendable {
    package var colors: Bool
    /// The output is a terminal: CSV cells are sanitised as table cells are (see ``CSVWriter``).
    public var terminal: Bool

    package init(colors: Bool, terminal: Bool = false) {
        self.colors = colors
        self.terminal = terminal || colors
    }

    public static let plain = TextStyle(colors: false)

    /// Colour for a stream that is a terminal, unless `NO_COLOR` is set to anything non-empty
    /// (https://no-color.org) or the terminal is `dumb`.
    public static func forTerminal(isTTY: Bool, environment: [String: String]) -> TextStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TextStyle(colors: isTTY && !noColor && environment["TERM"] != "dumb", terminal: isTTY)
    }

    public func apply(_ tint: Tint?, to text: String) -> String {
        guard colors, let tint else { return text }
        return "\u{1B}[\(tint.rawValue)m" + text + "\u{1B}[0m"
    }
}

/// The few colours the tool uses, each with one meaning.
public enum Tint: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case cyan = "36"

    package static func of(_ outcome: Outcome) -> Tint {
        switch outcome {
        case .win: .green
        case .loss: .red
        case .noDecision: .yellow
        }
    }
}
