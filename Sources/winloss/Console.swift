import Foundation
import GRDB
import WinLossKit

/// Standard output and standard error, with colour only where it belongs.
enum Console {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The style for standard output: colour only on a terminal without NO_COLOR.
    static var outputStyle: TextStyle {
        TextStyle.forTerminal(isTTY: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    static var errorStyle: TextStyle {
        TextStyle.forTerminal(isTTY: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Writes to standard output (buffered by the C library; flushed at exit).
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    static func line(_ text: String = "") {
        print(text)
    }

    static func writeError(_ text: String) {
        fflush(nil)
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `winloss: error: message` on standard error.
    static func error(_ message: String, prefix: Bool = true) {
        let style = errorStyle
        let text = prefix ? "winloss: " + style.apply(.red, to: "error:") + " " + message : message
        writeError(text + "\n")
    }

    static func warning(_ message: String) {
        writeError("winloss: " + errorStyle.apply(.yellow, to: "warning:") + " " + message + "\n")
    }

    /// Errors that winloss explains itself; anything else goes to ArgumentParser (usage, help, exit codes).
    static func isWinlossError(_ error: any Error) -> Bool {
        error is StoreError || error is ImportError || error is RequestError || error is TemplateError
            || error is InterviewError
            || error is DatabaseError
    }
}

/// A file named on the command line that cannot be written, with the option it came from.
struct OutputFileError: Error, CustomStringConvertible {
    var option: String
    var path: String

    var description: String { "\(option): cannot create \(path); check that its folder exists and is writable" }
}

/// Writes a whole output file at once (a temporary file renamed into place), so that a report is never left
/// half-written; private to the user like everything winloss creates.
func writeOutputFile(_ text: String, to path: String, option: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw OutputFileError(option: option, path: path)
    }
}
