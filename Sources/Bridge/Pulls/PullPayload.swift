import Foundation
import QBXML
public import Domain
import Store

/// What a pull job reads (its `payload`), fixed when it is queued.
public struct PullPayload: Codable, Sendable, Equatable {
    /// What is pulled.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case invoices
        case customers
    }

    public var kind: Kind
    /// Invoices only: open (unpaid) ones only. Ignored by an incremental pull, which must also see the
    /// invoices that were paid since, to update their balance.
    public var openOnly: Bool
    /// Invoices only: dated on or after this day (the company's sync start date by default).
    public var fromDate: String?
    /// Only records changed since then (host wall clock, `YYYY-MM-DDThh:mm:ss`), given by the caller.
    public var modifiedSince: String?
    /// Start from the newest TimeModified already stored (decided when the pull starts); a full pull when
    /// nothing is stored yet.
    public var incremental: Bool
    /// Records per QuickBooks round trip (`MaxReturned` of the iterator).
    public var pageSize: Int
    /// Who asked: `api`, `schedule`, `ui`, `cli`.
    public var origin: String

    /// Records per page unless the caller says otherwise: 500 invoices without line items are about 0.5 MB
    /// of qbXML, small enough for the Web Connector and QuickBooks, large enough for few round trips.
    public static let defaultPageSize = 500
    /// QuickBooks slows down sharply on very large pages; the Web Connector times out on big responses.
    public static let maximumPageSize = 1000

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init(kind: Kind, openOnly: Bool, fromDate: String?, modifiedSince: String?, incremental: Bool, pageSize: Int, origin: String) {
        self.kind = kind
        self.openOnly = openOnly
        self.fromDate = fromDate
        self.modifiedSince = modifiedSince
        self.incremental = incremental
        self.pageSize = pageSize
        self.origin = origin
    }

    init(json: String) throws {
        self = try JSONDecoder().decode(PullPayload.self, from: Data(json.utf8))
    }
}

/// A pull's progress between round trips and sessions (its job's `state`).
public struct PullProgress: Codable, Sendable, Equatable {
    /// The live iterator, and the session it lives in: an iterator dies with its QuickBooks session.
    public var iteratorID: String?
    public var iteratorSession: String?
    /// `ModifiedDateRangeFilter` start actually used (the resolved watermark), nil for a full pull.
    public var fromModified: String?
    /// Whether the pull's start was decided (the watermark is resolved once, at the first page).
    public var started = false
    /// Records QuickBooks returned so far (a restarted pull counts the repeated ones again).
    public var received = 0
    /// Records stored (dated on or after the pull's from-date).
    public var stored = 0
    /// Pages received.
    public var pages = 0
    /// Iterators restarted because their QuickBooks session had ended.
    public var restarts = 0
    /// QuickBooks' `iteratorRemainingCount` after the last page.
    public var remaining: Int?
    /// When the first page was asked for.
    public var startedAt: Timestamp?

    init() {}

    init(json: String?) {
        self = json.flatMap { try? JSONDecoder().decode(PullProgress.self, from: Data($0.utf8)) } ?? PullProgress()
    }

    var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// A finished pull's outcome (its job's `result`).
public struct PullOutcome: Codable, Sendable, Equatable {
    public var received: Int
    public var stored: Int
    /// Stored records a full pull no longer saw in QuickBooks, removed.
    public var removed: Int
    public var pages: Int
    public var restarts: Int
    /// `full` or `incremental`.
    public var mode: String
    public var fromModified: String?
    /// Set when QuickBooks refused the query.
    public var error: String?

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init(received: Int, stored: Int, removed: Int, pages: Int, restarts: Int, mode: String, fromModified: String?, error: String?) {
        self.received = received
        self.stored = stored
        self.removed = removed
        self.pages = pages
        self.restarts = restarts
        self.mode = mode
        self.fromModified = fromModified
        self.error = error
    }

    init?(json: String?) {
        guard let json, let decoded = try? JSONDecoder().decode(PullOutcome.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }
}
