import GRDB

/// How a decided deal ended.
public enum Outcome: String, CaseIterable, Codable, Sendable, Comparable {
    /// The buyer chose us.
    case win
    /// The buyer chose a competitor, or built it themselves.
    case loss
    /// The buyer chose nothing and kept the status quo.
    case noDecision = "no_decision"

    /// Reads the forms people and exports write: `win`, `won`, `closed won`, `no decision`, `no-decision`…
    public init?(loose text: String) {
        switch TextKey.squashed(text) {
        case "win", "won", "closedwon": self = .win
        case "loss", "lost", "closedlost": self = .loss
        case "nodecision", "closednodecision", "nodeal": self = .noDecision
        default: return nil
        }
    }

    /// Words for people, as opposed to `rawValue`, which is for files and scripts.
    package var label: String {
        switch self {
        case .win: "win"
        case .loss: "loss"
        case .noDecision: "no decision"
        }
    }

    private var order: Int {
        switch self {
        case .win: 0
        case .loss: 1
        case .noDecision: 2
        }
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool { lhs.order < rhs.order }
}

extension Outcome: DatabaseValueConvertible {}
