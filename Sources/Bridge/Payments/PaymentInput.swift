import Foundation
import QBXML

/// The JSON body of `POST /companies/{id}/payments`, before validation: every field optional so that
/// all problems are reported at once, by field (docs/architecture.md, "The JSON API and the web UI").
public struct PaymentInput: Decodable, Sendable {
    /// Idempotency key.
    public var externalId: String?
    /// Customer selector.
    public var customer: Customer?
    /// Amount as a decimal string.
    public var amount: String?
    /// YYYY-MM-DD.
    public var date: String?
    /// Payment method name.
    public var paymentMethod: String?
    /// Reference number.
    public var refNumber: String?
    /// Memo.
    public var memo: String?
    /// Deposit account name.
    public var depositToAccount: String?
    /// Applications.
    public var applications: [Application]?

    /// Creates the input (the JSON API builds it from the contract's typed body).
    public init(externalId: String?, customer: Customer?, amount: String?, date: String?, paymentMethod: String? = nil, refNumber: String? = nil,
                memo: String? = nil, depositToAccount: String? = nil, applications: [Application]? = nil) {
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

    /// `{"listId"|"fullName"}`.
    public struct Customer: Decodable, Sendable {
        /// ListID.
        public var listId: String?
        /// Full name.
        public var fullName: String?
        /// Your own customer id, mapped beforehand with `POST /companies/{id}/customer-mappings`.
        public var externalId: String?

        public init(listId: String? = nil, fullName: String? = nil, externalId: String? = nil) {
            self.listId = listId
            self.fullName = fullName
            self.externalId = externalId
        }
    }

    /// `{"invoice": {"txnId"|"refNumber"}, "amount"}`.
    public struct Application: Decodable, Sendable {
        /// The invoice.
        public var invoice: Invoice?
        /// Amount.
        public var amount: String?

        public init(invoice: Invoice?, amount: String?) {
            self.invoice = invoice
            self.amount = amount
        }
    }

    /// `{"txnId"|"refNumber"}`.
    public struct Invoice: Decodable, Sendable {
        /// TxnID.
        public var txnId: String?
        /// RefNumber.
        public var refNumber: String?

        public init(txnId: String? = nil, refNumber: String? = nil) {
            self.txnId = txnId
            self.refNumber = refNumber
        }
    }

    /// Memo room left for the bridge's marker tag (`QBB:` + 8 characters and a space).
    static let memoLimit = 4095 - 13

    /// Checks every field (qbXML limits included) and returns the canonical payload, or all field errors.
    func validated(syncStartDate: String?) throws(BridgeError) -> PaymentPayload {
        var fields: [String: String] = [:]
        let externalId = externalId?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if externalId.isEmpty { fields["externalId"] = "is required (your idempotency key)" } else if externalId.count > 100 {
            fields["externalId"] = "must be at most 100 characters"
        }
        var selector = PaymentPayload.CustomerSelector()
        switch (customer?.listId?.trimmed, customer?.fullName?.trimmed, customer?.externalId?.trimmed) {
        case (let listId?, nil, nil) where !listId.isEmpty && listId.count <= 36: selector.listId = listId
        case (nil, let name?, nil) where !name.isEmpty && name.count <= 209: selector.fullName = name
        case (nil, nil, let external?) where !external.isEmpty && external.count <= 100: selector.externalId = external
        default: fields["customer"] = "give exactly one of listId (≤ 36 characters), fullName (≤ 209 characters) or externalId (your mapped customer id)"
        }
        var total: Money?
        if let text = amount, let money = Money(text.trimmed), money > .zero { total = money } else {
            fields["amount"] = "must be a positive decimal string with at most two decimals, e.g. \"1500.00\""
        }
        var date: QBDate?
        if let text = self.date, let parsed = QBDate(text.trimmed) { date = parsed } else {
            fields["date"] = "must be a date YYYY-MM-DD"
        }
        if let date, let start = syncStartDate.flatMap(QBDate.init), date < start {
            fields["date"] = "is before the company's sync start date \(start); payments dated before it are not synced"
        }
        if let method = paymentMethod, method.count > 31 { fields["paymentMethod"] = "must be at most 31 characters (QuickBooks' limit)" }
        if let ref = refNumber, ref.count > 20 { fields["refNumber"] = "must be at most 20 characters (QuickBooks' limit)" }
        if let memo, memo.count > Self.memoLimit { fields["memo"] = "must be at most \(Self.memoLimit) characters" }
        if let account = depositToAccount, account.count > 159 { fields["depositToAccount"] = "must be at most 159 characters" }
        var applications: [PaymentPayload.Application] = []
        var applied = Money.zero
        for (index, application) in (self.applications ?? []).enumerated() {
            let key = "applications[\(index)]"
            var invoice = PaymentPayload.InvoiceSelector()
            switch (application.invoice?.txnId?.trimmed, application.invoice?.refNumber?.trimmed) {
            case (let txn?, nil) where !txn.isEmpty && txn.count <= 36: invoice.txnId = txn
            case (nil, let ref?) where !ref.isEmpty && ref.count <= 11: invoice.refNumber = ref
            default: fields[key + ".invoice"] = "give exactly one of txnId (≤ 36 characters) or refNumber (≤ 11 characters)"
            }
            guard let text = application.amount, let money = Money(text.trimmed), money > .zero else {
                fields[key + ".amount"] = "must be a positive decimal string with at most two decimals"
                continue
            }
            applied = Money(cents: applied.cents + money.cents) ?? applied
            applications.append(.init(invoice: invoice, amount: money.description))
        }
        if let total, !applications.isEmpty, applied != total {
            fields["applications"] = "add up to \(applied) but the amount is \(total); they must be equal"
        }
        let keys = applications.map { $0.invoice.txnId ?? "#" + ($0.invoice.refNumber ?? "") }
        if Set(keys).count != keys.count { fields["applications"] = "name the same invoice twice; combine them" }
        guard fields.isEmpty, let total, let date else { throw .invalidInput(fields) }
        return PaymentPayload(
            externalId: externalId, customer: selector, amount: total.description, date: date.description,
            paymentMethod: paymentMethod?.trimmed.nilIfEmpty, refNumber: refNumber?.trimmed.nilIfEmpty, memo: memo?.nilIfEmpty,
            depositToAccount: depositToAccount?.trimmed.nilIfEmpty, applications: applications
        )
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
