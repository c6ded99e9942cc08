/// A problem found in a file, located as editors and terminals understand it: `file:line:column: error: …`.
public struct Diagnostic: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    package var file: String
    /// 1-based; nil for a problem with the whole file.
    package var line: Int?
    package var column: Int?
    package var message: String

    package init(_ severity: Severity, file: String, line: Int?, column: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic {
    /// The diagnostic as one problem of a failure.
    var problem: Problem {
        Problem(
            location: ErrorLocation(file: file, line: line, column: line == 0 ? nil : column), message: message,
            isWarning: severity == .warning)
    }
}

extension [Diagnostic] {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
