/// Problems with what a user asked for: a record that is missing, taken or ambiguous, or a value that is
/// not valid.
public enum RequestError: WinLossError, Equatable {
    case invalid(field: String, message: String)
    case duplicate(kind: String, key: String, hint: Remedy)
    case notFound(kind: String, key: String, hint: Remedy)
    case ambiguous(kind: String, key: String, count: Int, hint: Remedy)

    public var kind: ErrorKind {
        switch self {
        case .invalid, .ambiguous: .invalid
        case .duplicate: .conflict
        case .notFound: .notFound
        }
    }

    public var message: String {
        switch self {
        case .invalid(let field, let message): "\(field): \(message)"
        case .duplicate(let kind, let key, _): "a \(kind) \(key.debugDescription) already exists"
        case .notFound(let kind, let key, _): "no \(kind) \(key.debugDescription)"
        case .ambiguous(let kind, let key, let count, _): "\(count) \(kind)s match \(key.debugDescription)"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .invalid: nil
        case .duplicate(_, _, let hint), .notFound(_, _, let hint), .ambiguous(_, _, _, let hint): hint
        }
    }
}
