public import Foundation

/// Files of the repository, found from this source file's location (symlinks resolved, so the tests also
/// work from a package that links to this folder): samples, schemas, scripts and the Python helpers.
public enum Repository {
    /// The folder that holds `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// A file under the repository root.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The text of a file under the repository root.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// The text of `Samples/qbxml/<name>`.
    public static func sample(_ name: String) throws -> String {
        try text("Samples/qbxml/" + name)
    }
}
