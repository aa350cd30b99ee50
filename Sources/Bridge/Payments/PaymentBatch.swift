import QBXML
import Domain
import Store

/// The jobs a session is working on together, saved with the session between round trips.
///
/// A batch moves through at most three round trips: **preflight** (look up payments whose answer was lost;
/// read every invoice a payment applies to), **post** (ReceivePaymentAdd and TxnDel for everything that
/// passed, plus a search for recreated invoices), **follow-up** (re-read the invoices of rejected adds, so
/// that the failure is classified with evidence — docs/failure-catalogue.md, "The invoice check"). Request ids name the job by its
/// index in the batch, so responses are matched by id, never by position.
struct PaymentBatch: Codable, Sendable, Equatable {
    enum Stage: String, Codable, Sendable {
        case preflight, post, followUp
    }

    var stage: Stage
    var jobs: [Entry]
    /// Request ids sent in the current round trip and not answered yet.
    var outstanding: [String]

    /// One job of the batch.
    struct Entry: Codable, Sendable, Equatable {
        var id: JobID
        var kind: JobKind
        /// Sent before without an answer: look it up before sending again.
        var needsLookup: Bool
        /// The applications to post (TxnIDs resolved) once preflight passed.
        var plan: [PlannedApplication]?
        /// A missing invoice waiting for the candidate search: the draft's inputs.
        var missing: MissingInvoice?
        /// A rejected add waiting for the follow-up query.
        var rejection: Rejection?
        /// Finished (its outcome is saved).
        var done: Bool
    }

    struct PlannedApplication: Codable, Sendable, Equatable {
        var txnID: String
        var refNumber: String?
        var amount: Money
    }

    struct MissingInvoice: Codable, Sendable, Equatable {
        var txnID: String
        var refNumber: String?
        var amount: Money
    }

    struct Rejection: Codable, Sendable, Equatable {
        var statusCode: Int
        var severity: String
        var message: String
    }

    var isFinished: Bool { jobs.allSatisfy(\.done) }
    var openCount: Int { jobs.filter { !$0.done }.count }
}

/// Request ids: a letter for the purpose and the job's index (plus an application index).
enum BatchRequestID {
    case lookup(Int), invoice(Int, Int), openInvoices(Int), post(Int), delete(Int), candidates(Int), followUp(Int, Int)

    var text: String {
        switch self {
        case .lookup(let job): "L\(job)"
        case .invoice(let job, let app): "I\(job).\(app)"
        case .openInvoices(let job): "A\(job)"
        case .post(let job): "P\(job)"
        case .delete(let job): "D\(job)"
        case .candidates(let job): "C\(job)"
        case .followUp(let job, let app): "F\(job).\(app)"
        }
    }

    init?(_ text: String) {
        guard let letter = text.first else { return nil }
        let numbers = text.dropFirst().split(separator: ".").compactMap { Int($0) }
        switch (letter, numbers.count) {
        case ("L", 1): self = .lookup(numbers[0])
        case ("I", 2): self = .invoice(numbers[0], numbers[1])
        case ("A", 1): self = .openInvoices(numbers[0])
        case ("P", 1): self = .post(numbers[0])
        case ("D", 1): self = .delete(numbers[0])
        case ("C", 1): self = .candidates(numbers[0])
        case ("F", 2): self = .followUp(numbers[0], numbers[1])
        default: return nil
        }
    }
}
