import Foundation

/// Standard input read in pieces and refused as soon as it passes a limit, so that no amount of input can take
/// more memory than the limit allows.
public enum BoundedInput {
    public enum Failure: WinLossError, Equatable {
        /// More than `limit` bytes; `what` names what was expected, such as "an answer".
        case tooLarge(what: String, limit: Int)
        case notUTF8(what: String)
        case unreadable(reason: String)

        public var kind: ErrorKind {
            switch self {
            case .tooLarge, .notUTF8: .badInput
            case .unreadable: .io
            }
        }

        public var message: String {
            switch self {
            case .tooLarge(let what, let limit):
                "standard input is larger than \(limit / 1024) KiB; \(what) may be at most \(limit / 1024) KiB"
            case .notUTF8(let what): "standard input is not UTF-8 text, as \(what) must be"
            case .unreadable(let reason): "standard input cannot be read: \(reason)"
            }
        }
    }

    /// All of standard input, at most `limit` bytes of it.
    package static func standardInput(limit: Int, what: String) throws(Failure) -> Data {
        var data = Data()
        while true {
            let piece: Data?
            do {
                piece = try FileHandle.standardInput.read(upToCount: 64 * 1024)
            } catch {
                throw .unreadable(reason: error.localizedDescription)
            }
            guard let piece, !piece.isEmpty else { return data }
            data.append(piece)
            if data.count > limit { throw .tooLarge(what: what, limit: limit) }
        }
    }

    /// All of standard input as UTF-8 text, at most `limit` bytes of it.
    public static func standardInputText(limit: Int, what: String) throws(Failure) -> String {
        guard let text = String(data: try standardInput(limit: limit, what: what), encoding: .utf8) else {
            throw .notUTF8(what: what)
        }
        return text
    }
}
