/// Where a session shows its questions and reads the interviewer's answers: a terminal, a pipe from another
/// program, or a script in a test.
public protocol Prompter: AnyObject {
    /// Shows text to the interviewer; it should appear at once (a prompt waits for input right after).
    func show(_ text: String)
    /// The next line typed, without its line end; nil when the input has ended.
    func readLine() -> String?
}

/// Answers given in advance, for tests and the demo; keeps everything shown.
public final class ScriptedPrompter: Prompter {
    public private(set) var shown = ""
    private var lines: [String]

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func show(_ text: String) {
        shown += text
    }

    public func readLine() -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}
