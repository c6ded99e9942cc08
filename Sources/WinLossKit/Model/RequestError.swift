/// Problems with what a user asked for: a record that is missing, taken or ambiguous, or a value that is
/// not valid.
public enum RequestError: Error, Equatable, CustomStringConvertible {
    case invalid(field: String, message: String)
    case duplicate(kind: String, key: String, hint: String)
    case notFound(kind: String, key: String, hint: String)
    case ambiguous(kind: String, key: String, count: Int, hint: String)

    public var description: String {
        switch self {
        case .invalid(let field, let message):
            "\(field): \(message)"
        case .duplicate(let kind, let key, let hint):
            "a \(kind) \(key.debugDescription) already exists; \(hint)"
        case .notFound(let kind, let key, let hint):
            "no \(kind) \(key.debugDescription); \(hint)"
        case .ambiguous(let kind, let key, let count, let hint):
            "\(count) \(kind)s match \(key.debugDescription); \(hint)"
        }
    }
}
