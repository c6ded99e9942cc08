import GRDB

/// What a person does in the win-loss programme. Reps work deals; interviewers come from marketing or
/// customer success; managers review themes.
public enum PersonRole: String, CaseIterable, Codable, Sendable {
    case rep
    case marketing
    case customerSuccess = "customer_success"
    case manager
    case other
}

extension PersonRole: DatabaseValueConvertible {}
