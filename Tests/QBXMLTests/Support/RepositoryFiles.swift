import Foundation

/// Finds files of the repository from the test source location (symlinks resolved, so the tests
/// also work from a package that links to this folder).
enum RepositoryFiles {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Samples/qbxml").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// A file under the repository root.
    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The text of `Samples/qbxml/<name>`.
    static func sample(_ name: String) throws -> String {
        try String(contentsOf: url("Samples/qbxml/" + name), encoding: .utf8)
    }
}
