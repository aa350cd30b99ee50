import Crypto
import Foundation
import QBXML
import Domain
import Store

/// A payment to post, as the upstream app sent it (docs/architecture.md, "The JSON API and the web UI") after validation: the canonical form is
/// what the job stores and what the idempotency check compares.
public struct PaymentPayload: Codable, Sendable, Equatable {
    /// The upstream app's idempotency key.
    public var externalId: String
    /// The QuickBooks customer.
    public var customer: CustomerSelector
    /// Total received, a decimal string with two decimals.
    public var amount: String
    /// Payment date (YYYY-MM-DD).
    public var date: String
    /// QuickBooks payment method name (e.g. "Visa", "ACH").
    public var paymentMethod: String?
    /// Reference (check number, processor id), ≤ 20 characters.
    public var refNumber: String?
    /// Memo; QBBridge appends its marker tag.
    public var memo: String?
    /// Account to deposit to (default Undeposited Funds).
    public var depositToAccount: String?
    /// Invoices and amounts; empty means "apply by exact amount match, else oldest first".
    public var applications: [Application]

    /// `{"listId"}` or `{"fullName"}`.
    public struct CustomerSelector: Codable, Sendable, Equatable {
        /// QuickBooks ListID.
        public var listId: String?
        /// QuickBooks full name (`Customer:Job`).
        public var fullName: String?
        /// The upstream app's customer id, when the payment named the customer by it (resolved to
        /// `listId` through the mapping when the payment was queued).
        public var externalId: String?
    }

    /// One invoice the payment pays.
    public struct Application: Codable, Sendable, Equatable {
        /// `{"txnId"}` or `{"refNumber"}`.
        public var invoice: InvoiceSelector
        /// Amount applied to it.
        public var amount: String
    }

    /// An invoice named by TxnID or RefNumber.
    public struct InvoiceSelector: Codable, Sendable, Equatable {
        /// QuickBooks TxnID.
        public var txnId: String?
        /// The invoice number.
        public var refNumber: String?
    }

    /// Sorted-key JSON: the stored payload.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// SHA-256 of the canonical JSON: equal bodies, equal hashes, whatever the key order sent.
    public var bodyHash: String {
        Hex.encode(SHA256.hash(data: Data(canonicalJSON.utf8)))
    }

    /// Decodes a stored payload.
    public init(json: String) throws {
        self = try JSONDecoder().decode(PaymentPayload.self, from: Data(json.utf8))
    }

    init(externalId: String, customer: CustomerSelector, amount: String, date: String, paymentMethod: String?, refNumber: String?,
         memo: String?, depositToAccount: String?, applications: [Application]) {
        self.externalId = externalId
        self.customer = customer
        self.amount = amount
        self.date = date
        self.paymentMethod = paymentMethod
        self.refNumber = refNumber
        self.memo = memo
        self.depositToAccount = depositToAccount
        self.applications = applications
    }

    var money: Money { Money(amount) ?? .zero }
    var qbDate: QBDate? { QBDate(date) }

    var customerRef: RefSelector {
        if let listId = customer.listId { return .listID(ListID(listId)) }
        return .fullName(customer.fullName ?? "")
    }
}
