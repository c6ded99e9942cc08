import Foundation
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

    /// Writes to standard output. A failed write is remembered and reported by ``finish(status:)``.
    static func write(_ text: String) {
        StandardOutput.shared.write(text)
    }

    static func line(_ text: String = "") {
        StandardOutput.shared.write(text + "\n")
    }

    /// Sends what was written so far, for a prompt that waits for an answer.
    static func flush() {
        StandardOutput.shared.flush()
    }

    /// Writes to standard error. A message that cannot be written (a full disk, a closed pipe) is dropped: there
    /// is nowhere else to say it, and the exit status still tells.
    static func writeError(_ text: String) {
        StandardOutput.shared.flush()
        StandardOutput.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Sends the rest of standard output and exits: with `status`, or with 74 when the output could not be
    /// written in full (a full disk, a failing device), so that a script never takes a truncated file for a whole
    /// one.
    static func finish(status: Int32) -> Never {
        StandardOutput.shared.flush()
        fflush(nil)  // anything the C library holds
        if let failure = StandardOutput.shared.failure {
            error("cannot write the output: \(String(cString: strerror(failure))); what was printed is incomplete")
            Foundation.exit(status == ExitStatus.success.rawValue ? ExitStatus.ioError.rawValue : status)
        }
        Foundation.exit(status)
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
}

/// A file named on the command line that cannot be written, with the option that named it.
struct OptionFileError: WinLossError {
    var option: String
    var error: OutputFileError

    var kind: ErrorKind { error.kind }
    var message: String { "\(option): \(error.message)" }
}

/// Writes a whole output file (see ``OutputFile``): never half-written, private to the user like everything winloss
/// creates.
func writeOutputFile(to path: String, option: String, _ body: ((String) throws -> Void) throws -> Void) throws {
    do {
        try OutputFile.write(to: path, body)
    } catch let error as OutputFileError {
        throw OptionFileError(option: option, error: error)
    }
}

func writeOutputFile(_ text: String, to path: String, option: String) throws {
    try writeOutputFile(to: path, option: option) { try $0(text) }
}

/// Standard output, buffered here rather than by the C library, so that every failed write is seen: `print`
/// drops the error of a write to a full disk and the process would exit 0 with an empty file.
final class StandardOutput: @unchecked Sendable {
    /// Used from the main thread only: a command runs there from start to finish.
    static let shared = StandardOutput()

    private var buffer: [UInt8] = []
    /// The error of the first write that failed; what is written after it is dropped.
    private(set) var failure: Int32?

    func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        failure = Self.writeAll(buffer, to: STDOUT_FILENO)
    }

    /// Writes every byte, and returns the error that stopped it, if any.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
