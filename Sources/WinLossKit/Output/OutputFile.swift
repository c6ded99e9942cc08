import Foundation

/// A file written whole or not at all: the text goes to a private temporary file beside it (mode 0600), which is
/// flushed to disk and renamed into place only once complete. A full disk, a missing folder or a failing device
/// leaves no file behind, half-written or empty, and says which it was.
public enum OutputFile {
    /// Writes what `body` hands to its writer to `path`.
    public static func write(to path: String, _ body: (_ write: (String) throws -> Void) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputFileError.cannotCreate(path: path, reason: "it is a folder")
        }
        let (descriptor, temporary) = try temporaryFile(beside: path)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        var writer = BufferedDescriptor(descriptor: descriptor, path: path)
        do {
            try body { try writer.append($0) }
            try writer.flush()
            guard fsync(descriptor) == 0 else { throw OutputFileError(errno: errno, path: path, creating: false) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw OutputFileError(errno: errno, path: path, creating: false) }
        guard rename(temporary, path) == 0 else { throw OutputFileError(errno: errno, path: path, creating: true) }
        finished = true
    }

    /// A new private file (0600) in `path`'s folder, named after it, open for writing: where a file is made
    /// before it is renamed to `path`. Returns its descriptor and path.
    static func temporaryFile(beside path: String) throws -> (descriptor: Int32, path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let template = (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent + ".XXXXXX"
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw OutputFileError(errno: errno, path: path, creating: true) }
        // mkstemp replaced the X's in place; the rest of the name is as given.
        let name = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (descriptor, name)
    }

    /// Writes `text` to `path` whole.
    package static func write(_ text: String, to path: String) throws {
        try write(to: path) { try $0(text) }
    }
}

/// Why an output file could not be written. Nothing was left at its path.
public enum OutputFileError: WinLossError, Equatable {
    /// The file cannot be made there: no such folder, no permission, a read-only file system.
    case cannotCreate(path: String, reason: String)
    /// The disk (or the user's quota) is full.
    case diskFull(path: String)
    /// The device failed while writing.
    case io(path: String, reason: String)

    init(errno code: Int32, path: String, creating: Bool) {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT: self = .diskFull(path: path)
        case ENOENT, ENOTDIR: self = .cannotCreate(path: path, reason: "its folder does not exist")
        case EACCES, EPERM: self = .cannotCreate(path: path, reason: "its folder is not writable (\(reason))")
        case EROFS: self = .cannotCreate(path: path, reason: "its file system is read-only")
        default: self = creating ? .cannotCreate(path: path, reason: reason) : .io(path: path, reason: reason)
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .cannotCreate: .cannotCreate
        case .diskFull, .io: .io
        }
    }

    public var message: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        case .diskFull(let path): "the disk is full: \(path) was not written; free some space and try again"
        case .io(let path, let reason): "input/output error writing \(path) (\(reason)); it was not written"
        }
    }
}

/// Text written to a file descriptor in large pieces, every byte accounted for.
private struct BufferedDescriptor {
    let descriptor: Int32
    let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    mutating func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(errno: errno, path: path, creating: false)
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
