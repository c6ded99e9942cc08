import Foundation
import Testing

/// Runs the built `winloss` binary, as a user's shell would.
struct Winloss {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `winloss` binary in SwiftPM's products folder, beside the tests (SwiftPM builds it for them), or
    /// `$WINLOSS_BIN`. The test bundle is a folder ending in `.xctest` on macOS and an executable in the products
    /// folder on Linux; either way the products folder is found from it.
    static let executable: String = {
        if let path = ProcessInfo.processInfo.environment["WINLOSS_BIN"] { return path }
        let bundle = Bundle(for: TemporaryDirectory.self).bundleURL
        let products = bundle.lastPathComponent.hasSuffix(".xctest") ? bundle.deletingLastPathComponent() : bundle
        return products.appendingPathComponent("winloss").path
    }()

    /// The environment of every run: a home of its own, no colour settings inherited, no database variable.
    let home: String
    var environment: [String: String]

    init(home: String) {
        self.home = home
        environment = [
            "HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, stdin: stdin, extraEnvironment: extraEnvironment)
        return try process.wait()
    }

    /// Runs with standard input read from a file: for input the process may stop reading before its end.
    func run(_ arguments: [String], stdinFile: String) throws -> Result {
        try start(arguments, stdinFile: stdinFile).wait()
    }

    func start(
        _ arguments: [String], stdin: String? = nil, stdinFile: String? = nil, extraEnvironment: [String: String] = [:]
    ) throws -> Running {
        let id = UUID().uuidString
        let outPath = home + "/.out-" + id
        let errPath = home + "/.err-" + id
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Winloss.executable)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(stdin.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = stdinFile.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
            try process.run()
        }
        return Running(process: process, outPath: outPath, errPath: errPath)
    }

    /// What the command prints with a terminal of its own for standard output (through `script`), as a person
    /// at a terminal sees it.
    func runUnderTerminal(_ arguments: [String], environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([Winloss.executable] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        .joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = environment.merging(extra) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    struct Running {
        let process: Process
        let outPath: String
        let errPath: String

        func wait() throws -> Result {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(atPath: outPath)
                try? FileManager.default.removeItem(atPath: errPath)
            }
            return Result(
                status: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
        }
    }
}
