import QBXML
import Domain
import Store
import Triage

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
        /// An invoice that belongs to another customer than the payment's, waiting for the post round trip's
        /// customer query that tells a moved invoice from a customer merged away.
        var otherCustomer: OtherCustomerInvoice?
        /// The customer's full name as the invoice check saw it on the payment's invoices, kept for the texts of a
        /// later rejection when the job names its customer by ListID only (a 3140 quotes the ListID, not a name).
        var customerName: String?
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

    /// An invoice the payment applies to, found by its TxnID but belonging to another customer now: a
    /// bookkeeper moved it, or merged the payment's customer into its customer (docs/failure-catalogue.md,
    /// "The invoice check"). Whether the payment's customer still exists decides the text.
    struct OtherCustomerInvoice: Codable, Sendable, Equatable {
        /// The invoice as the preflight check read it, with its current customer.
        var invoice: InvoiceSnapshot
        /// The invoice number the job named, for texts.
        var expectedRefNumber: String?
        /// The amount the payment applies to it.
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
    case lookup(Int), invoice(Int, Int), openInvoices(Int), post(Int), delete(Int), candidates(Int), customer(Int), followUp(Int, Int)

    var text: String {
        switch self {
        case .lookup(let job): "L\(job)"
        case .invoice(let job, let app): "I\(job).\(app)"
        case .openInvoices(let job): "A\(job)"
        case .post(let job): "P\(job)"
        case .delete(let job): "D\(job)"
        case .candidates(let job): "C\(job)"
        case .customer(let job): "K\(job)"
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
        case ("K", 1): self = .customer(numbers[0])
        case ("F", 2): self = .followUp(numbers[0], numbers[1])
        default: return nil
        }
    }
}
