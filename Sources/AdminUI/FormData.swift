import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, as the UI's plain HTML forms post it.
struct FormData: Sendable {
    private var values: [String: String]

    /// Parses `a=1&b=two+words`; a key seen twice keeps its first value.
    init(encoded text: String) {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = parts.first.flatMap({ Self.decode($0) }), !key.isEmpty else { continue }
            let value = parts.count == 2 ? (Self.decode(parts[1]) ?? "") : ""
            if values[key] == nil { values[key] = value }
        }
        self.values = values
    }

    /// Reads a request's body as a form (at most `limit` bytes).
    static func read(_ request: inout Request, limit: Int) async throws -> FormData {
        let buffer = try await request.collectBody(upTo: limit)
        return FormData(encoded: String(buffer: buffer))
    }

    /// The value of a field, nil when absent.
    subscript(_ key: String) -> String? { values[key] }

    /// The value trimmed of surrounding whitespace, nil when absent or blank.
    func trimmed(_ key: String) -> String? {
        guard let value = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension FormData {
    /// A request's query string, read as a browser writes a GET form: `+` and `%20` both mean a space
    /// (`URI.queryParameters` keeps a `+` as it is, so a search for two words typed into a page's own form
    /// found nothing).
    init(queryOf request: Request) {
        self.init(encoded: request.uri.query ?? "")
    }

    /// The value of a query field, nil when absent.
    func get(_ key: String) -> String? { self[key] }
}
