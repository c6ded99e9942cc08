import Foundation

/// Where the database file is: `--db PATH`, else `$WINLOSS_DB`, else `$XDG_DATA_HOME/winloss/winloss.sqlite`,
/// else `~/.local/share/winloss/winloss.sqlite`.
public struct StoreLocation: Sendable, Equatable {
    public let path: String
    /// Which rule chose the path, so that messages can say why a file was used.
    package let source: Source

    package enum Source: String, Sendable {
        case option = "--db"
        case environment = "WINLOSS_DB"
        case xdgDataHome = "XDG_DATA_HOME"
        case home = "HOME"
    }

    package init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Applies the rules in order. Relative paths are taken from the working directory.
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        if let option, !option.isEmpty {
            return StoreLocation(path: absolute(option), source: .option)
        }
        if let path = environment["WINLOSS_DB"], !path.isEmpty {
            return StoreLocation(path: absolute(path), source: .environment)
        }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return StoreLocation(path: dataHome + "/winloss/winloss.sqlite", source: .xdgDataHome)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return StoreLocation(path: home + "/.local/share/winloss/winloss.sqlite", source: .home)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst() }
        return FileManager.default.currentDirectoryPath + "/" + path
    }
}
