/// An invoice as QuickBooks last reported it (the snapshot store behind `GET /companies/{id}/invoices`).
/// Money is integer cents; dates are QuickBooks' own text.
public struct StoredInvoice: Sendable, Equatable {
    public var companyID: CompanyID
    public var txnID: String
    public var refNumber: String?
    public var customerListID: String?
    public var customerName: String?
    public var txnDate: String?
    public var dueDate: String?
    public var subtotalCents: Int64?
    public var taxCents: Int64?
    public var appliedCents: Int64?
    public var balanceCents: Int64
    public var isPaid: Bool
    public var memo: String?
    public var editSequence: String?
    /// TimeModified as QuickBooks wrote it (with its offset).
    public var timeModified: String?
    /// TimeModified as sortable host wall-clock text (`YYYY-MM-DDThh:mm:ss`): the incremental watermark.
    public var modifiedKey: String?
    /// The last pull that returned it.
    public var pullID: JobID
    /// When that pull stored it.
    public var pulledAt: Timestamp

    /// Creates a snapshot row.
    public init(companyID: CompanyID, txnID: String, refNumber: String?, customerListID: String?, customerName: String?,
                txnDate: String?, dueDate: String?, subtotalCents: Int64?, taxCents: Int64?, appliedCents: Int64?,
                balanceCents: Int64, isPaid: Bool, memo: String?, editSequence: String?, timeModified: String?,
                modifiedKey: String?, pullID: JobID, pulledAt: Timestamp) {
        self.companyID = companyID
        self.txnID = txnID
        self.refNumber = refNumber
        self.customerListID = customerListID
        self.customerName = customerName
        self.txnDate = txnDate
        self.dueDate = dueDate
        self.subtotalCents = subtotalCents
        self.taxCents = taxCents
        self.appliedCents = appliedCents
        self.balanceCents = balanceCents
        self.isPaid = isPaid
        self.memo = memo
        self.editSequence = editSequence
        self.timeModified = timeModified
        self.modifiedKey = modifiedKey
        self.pullID = pullID
        self.pulledAt = pulledAt
    }

    /// Open means money is still owed on it.
    public var isOpen: Bool { !isPaid && balanceCents > 0 }
}

/// A customer (or job) as QuickBooks last reported it.
public struct StoredCustomer: Sendable, Equatable {
    public var companyID: CompanyID
    public var listID: String
    public var name: String?
    public var fullName: String?
    public var companyName: String?
    public var email: String?
    public var phone: String?
    public var isActive: Bool
    public var balanceCents: Int64?
    public var totalBalanceCents: Int64?
    public var editSequence: String?
    public var timeModified: String?
    public var modifiedKey: String?
    public var pullID: JobID
    public var pulledAt: Timestamp

    /// Creates a snapshot row.
    public init(companyID: CompanyID, listID: String, name: String?, fullName: String?, companyName: String?, email: String?,
                phone: String?, isActive: Bool, balanceCents: Int64?, totalBalanceCents: Int64?, editSequence: String?,
                timeModified: String?, modifiedKey: String?, pullID: JobID, pulledAt: Timestamp) {
        self.companyID = companyID
        self.listID = listID
        self.name = name
        self.fullName = fullName
        self.companyName = companyName
        self.email = email
        self.phone = phone
        self.isActive = isActive
        self.balanceCents = balanceCents
        self.totalBalanceCents = totalBalanceCents
        self.editSequence = editSequence
        self.timeModified = timeModified
        self.modifiedKey = modifiedKey
        self.pullID = pullID
        self.pulledAt = pulledAt
    }
}

/// An upstream app's customer id tied to a QuickBooks customer.
public struct CustomerMapping: Sendable, Equatable {
    /// How the mapping was made.
    public enum Source: String, Sendable, Codable {
        /// The caller named the ListID.
        case explicit
        /// QBBridge found exactly one pulled customer with the given name or email.
        case matched
    }

    public var companyID: CompanyID
    /// The upstream app's id for the customer.
    public var externalID: String
    /// QuickBooks' ListID.
    public var listID: String
    /// The customer's FullName when the mapping was made (for people; QuickBooks goes by the ListID).
    public var fullName: String?
    public var source: Source
    /// For a matched mapping: `email` or `name`.
    public var matchedBy: String?
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    /// Creates a mapping value.
    public init(companyID: CompanyID, externalID: String, listID: String, fullName: String?, source: Source, matchedBy: String?,
                createdAt: Timestamp, updatedAt: Timestamp) {
        self.companyID = companyID
        self.externalID = externalID
        self.listID = listID
        self.fullName = fullName
        self.source = source
        self.matchedBy = matchedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Which stored invoices to list.
public struct InvoiceQuery: Sendable {
    /// Only this customer's (a ListID).
    public var customerListID: String?
    /// Only this customer's, by FullName (exact, case-insensitive).
    public var customerName: String?
    /// Only this customer's, named by ListID or by FullName: what a caller gives when it does not say which.
    /// Matched against the invoice rows themselves, so it works before any customer pull has run.
    public var customer: String?
    /// true: open only; false: paid only; nil: both.
    public var open: Bool?
    /// Page size (≤ 1,000).
    public var limit: Int
    /// Continue after this TxnID (keyset paging in TxnID order).
    public var after: String?

    /// Creates a query.
    public init(customerListID: String? = nil, customerName: String? = nil, open: Bool? = nil, limit: Int = 100, after: String? = nil) {
        self.customerListID = customerListID
        self.customerName = customerName
        self.open = open
        self.limit = limit
        self.after = after
    }
}
