import Foundation

/// A `winloss` process driven like a person at a keyboard: lines are written one by one, and the test waits for
/// what the program prints in reply.
final class InteractiveProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private let finished = DispatchSemaphore(value: 0)

    init(executable: String, arguments: [String], environment: [String: String], directory: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let reader = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                lock.lock()
                buffer.append(data)
                lock.unlock()
            }
            finished.signal()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    func occurrences(of needle: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func send(_ lines: [String]) {
        for line in lines {
            try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        }
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until `condition` holds for the output so far; false after `timeout` seconds.
    @discardableResult
    func wait(timeout: TimeInterval = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(text) { return true }
            if !process.isRunning, condition(text) == false {
                finished.wait()
                return condition(text)
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        finished.wait()
    }

    func waitForExit() -> Int32 {
        closeInput()
        process.waitUntilExit()
        finished.wait()
        return process.terminationStatus
    }
}
