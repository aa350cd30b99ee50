import Logging
import QBXML
import Triage
import Domain
import Store

/// One kind of work a Web Connector session does with QuickBooks: the company-file check, payments, raw
/// requests, pulls. Each driver hands out request documents for its own work and settles the answers to
/// them; `SessionDrivers.ordered` decides whose turn it is (docs/architecture.md, "A Web Connector session,
/// module by module").
///
/// Every step works on a `SessionStep` and writes nothing itself: its job changes, pull pages and sent marks
/// go into the step's `commit`, which the session saves with its run state in one transaction before the
/// Web Connector gets its answer.
protocol SessionDriver: Sendable {
    /// The next request document of this driver's work, or nil when it has nothing (more) to send.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String?

    /// Settles QuickBooks' answers to this driver's outstanding requests; false when they were not for it
    /// (another driver's, or a repeated or stale delivery). `document` is the response document as received.
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool

    /// QuickBooks refused the whole request set: the driver gives back the work it holds, so that a later
    /// session picks it up (docs/web-connector-protocol.md, "Lost, repeated and late messages").
    func abandon(_ step: inout SessionStep) async throws

    /// QuickBooks refused the whole request set because of the set itself (`RequestSetRefusal.requestFault`):
    /// none of it was processed, and sending it again would fail the same way. The driver fails the jobs it sent
    /// in it, each with `record(element)` for the request element that job sent, instead of giving them back,
    /// and returns how many failed.
    func refuse(_ record: (String) -> FailureRecordDraft, _ step: inout SessionStep) async throws -> Int
}

extension SessionDriver {
    /// Work that is no job of its own (the host report, the file check) is given back, as for any refusal.
    func refuse(_ record: (String) -> FailureRecordDraft, _ step: inout SessionStep) async throws -> Int {
        try await abandon(&step)
        return 0
    }
}

/// What a driver's step works on during one SOAP call: the open session, its run state, and the changes
/// to commit with the session's save.
struct SessionStep {
    /// The session the call belongs to. A driver changes it only for what QuickBooks told the session about
    /// itself (the host report's version); the call saves it with the run state.
    var session: SessionRecord
    /// The session's run state, saved with it.
    var work: SessionWork
    /// Everything the step changes besides the run state, saved with the session in one transaction.
    var commit: SessionCommit

    init(session: SessionRecord, work: SessionWork, commit: SessionCommit = SessionCommit()) {
        self.session = session
        self.work = work
        self.commit = commit
    }
}

/// The order in which a session's drivers get their turn.
enum SessionDrivers {
    /// The one place the drivers are ordered: the host report when the Web Connector sent none (nothing can be
    /// written before the version is known), the company-file check (nothing may be written to a company file
    /// that is not the connection's), then payments (money upstream waits for), then raw requests, then pulls
    /// (bulk reads, one page per round trip).
    static func ordered(store: Store, logger: Logger) -> [any SessionDriver] {
        [
            HostReportDriver(store: store),
            CompanyFileCheckDriver(store: store),
            PaymentSessionDriver(store: store, logger: logger),
            RawRequestDriver(store: store, logger: logger),
            PullSessionDriver(store: store, logger: logger),
        ]
    }
}
