import Foundation

/// Where one page of a list ended: the sort key of its last row and the row's tie-breaker, so the next page
/// starts right after it (keyset paging).
///
/// Paging by position (`OFFSET`) reads and throws away every row before the page, so page 1,000 of a
/// million-row list costs a thousand pages; a cursor lets the database seek straight to the page through the
/// index that orders the list. The tie-breaker keeps rows with the same sort key (payments changed in the same
/// millisecond) from being skipped or repeated at a page boundary. Callers see only `token`, an opaque
/// URL-safe text: what is inside may change between versions.
public struct PageCursor: Sendable, Hashable {
    /// The sort key of the last row: a time or sequence number, or a text such as a company name.
    public enum Key: Sendable, Hashable {
        case number(Int64)
        case text(String)
    }

    /// The last row's sort key.
    public var key: Key
    /// The last row's tie-breaker (its id or sequence number, as text).
    public var tieBreaker: String

    /// A cursor after a row.
    public init(key: Key, tieBreaker: String) {
        self.key = key
        self.tieBreaker = tieBreaker
    }

    /// A cursor after a row sorted by a number.
    public init(_ number: Int64, tieBreaker: String) {
        self.init(key: .number(number), tieBreaker: tieBreaker)
    }

    /// The cursor as callers pass it back: base64url without padding.
    public var token: String {
        let text: String
        switch key {
        case .number(let number): text = "n\(number)\u{1F}\(tieBreaker)"
        case .text(let value): text = "t\(value)\u{1F}\(tieBreaker)"
        }
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token this type made; nil for anything else.
    public init?(token: String) {
        guard !token.isEmpty, token.count <= 2048,
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              let separator = text.firstIndex(of: "\u{1F}"), let tag = text.first else { return nil }
        let value = String(text[text.index(after: text.startIndex)..<separator])
        let tieBreaker = String(text[text.index(after: separator)...])
        guard !tieBreaker.isEmpty else { return nil }
        switch tag {
        case "n":
            guard let number = Int64(value) else { return nil }
            self.init(key: .number(number), tieBreaker: tieBreaker)
        case "t":
            self.init(key: .text(value), tieBreaker: tieBreaker)
        default:
            return nil
        }
    }

    /// The numeric key, if the cursor has one.
    public var number: Int64? {
        if case .number(let number) = key { number } else { nil }
    }

    /// The text key, if the cursor has one.
    public var text: String? {
        if case .text(let text) = key { text } else { nil }
    }
}
