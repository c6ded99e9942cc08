/// Where a session shows its questions and reads the interviewer's answers: a terminal, a pipe from another
/// program, or a script in a test.
public protocol Prompter: AnyObject {
    /// Shows text to the interviewer; it should appear at once (a prompt waits for input right after).
    func show(_ text: String)
    /// The next line typed, without its line end; nil when the input has ended.
    func readLine() -> String?
}

/// Answers given in advance, for tests and the demo; keeps everything shown.
package final class ScriptedPrompter: Prompter {
    package private(set) var shown = ""
    private var lines: [String]
    private let echo: Bool

    /// - Parameter echo: show each line as it is read, as a terminal would, for a transcript of the session.
    package init(_ lines: [String], echo: Bool = false) {
        self.lines = lines
        self.echo = echo
    }

    package func show(_ text: String) {
        shown += text
    }

    package func readLine() -> String? {
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        if echo { shown += line + "\n" }
        return line
    }
}
