/// An invoice as QuickBooks returns it (`InvoiceRet`, docs/qbxml-messages.md, "Responses QBBridge reads"), with the fields the
/// payment bridge uses: balances and paid state to classify a rejected payment (docs/failure-catalogue.md, "The invoice check"),
/// links to see what changed the balance, lines for display.
public struct Invoice: Sendable, Hashable, Codable {
    /// The invoice's TxnID.
    public var txnID: TxnID?
    /// When it was created (raw QuickBooks text kept, see `QBDateTime`).
    public var timeCreated: QBDateTime?
    /// When it was last modified.
    public var timeModified: QBDateTime?
    /// Changes on every modification.
    public var editSequence: String?
    /// QuickBooks' internal sequence number.
    public var txnNumber: Int?
    /// The customer or job billed.
    public var customer: ListRef?
    /// The A/R account; a payment's must match.
    public var arAccount: ListRef?
    /// The invoice date.
    public var txnDate: QBDate?
    /// The invoice number.
    public var refNumber: String?
    /// When payment is due.
    public var dueDate: QBDate?
    /// Sum of the lines before tax.
    public var subtotal: Money?
    /// Sales tax.
    public var salesTaxTotal: Money?
    /// Payments and credits applied so far (negative, e.g. -55.00).
    public var appliedAmount: Money?
    /// What is still open.
    public var balanceRemaining: Money?
    /// Whether the invoice is fully paid.
    public var isPaid: Bool?
    /// The memo.
    public var memo: String?
    /// The external GUID, if one was set.
    public var externalGUID: String?
    /// Linked transactions (payments, credit memos), with `IncludeLinkedTxns=true`.
    public var linkedTxns: [LinkedTxn]
    /// Lines, with `IncludeLineItems=true`.
    public var lines: [InvoiceLine]

    /// An invoice; every field optional.
    public init(txnID: TxnID? = nil, timeCreated: QBDateTime? = nil, timeModified: QBDateTime? = nil,
                editSequence: String? = nil, txnNumber: Int? = nil, customer: ListRef? = nil, arAccount: ListRef? = nil,
                txnDate: QBDate? = nil, refNumber: String? = nil, dueDate: QBDate? = nil, subtotal: Money? = nil,
                salesTaxTotal: Money? = nil, appliedAmount: Money? = nil, balanceRemaining: Money? = nil,
                isPaid: Bool? = nil, memo: String? = nil, externalGUID: String? = nil,
                linkedTxns: [LinkedTxn] = [], lines: [InvoiceLine] = []) {
        self.txnID = txnID
        self.timeCreated = timeCreated
        self.timeModified = timeModified
        self.editSequence = editSequence
        self.txnNumber = txnNumber
        self.customer = customer
        self.arAccount = arAccount
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.dueDate = dueDate
        self.subtotal = subtotal
        self.salesTaxTotal = salesTaxTotal
        self.appliedAmount = appliedAmount
        self.balanceRemaining = balanceRemaining
        self.isPaid = isPaid
        self.memo = memo
        self.externalGUID = externalGUID
        self.linkedTxns = linkedTxns
        self.lines = lines
    }

    /// Reads an `InvoiceRet` whose start tag is current; children may come in any order.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> Invoice {
        var invoice = Invoice()
        guard let depth = scanner.beginChildren() else { return invoice }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnID: invoice.txnID = try scanner.optionalString().map { TxnID($0) }
            case .timeCreated: invoice.timeCreated = try scanner.dateTime()
            case .timeModified: invoice.timeModified = try scanner.dateTime()
            case .editSequence: invoice.editSequence = try scanner.optionalString()
            case .txnNumber: invoice.txnNumber = try scanner.int()
            case .customerRef: invoice.customer = try scanner.ref()
            case .arAccountRef: invoice.arAccount = try scanner.ref()
            case .txnDate: invoice.txnDate = try scanner.date()
            case .refNumber: invoice.refNumber = try scanner.optionalString()
            case .dueDate: invoice.dueDate = try scanner.date()
            case .subtotal: invoice.subtotal = try scanner.money()
            case .salesTaxTotal: invoice.salesTaxTotal = try scanner.money()
            case .appliedAmount: invoice.appliedAmount = try scanner.money()
            case .balanceRemaining: invoice.balanceRemaining = try scanner.money()
            case .isPaid: invoice.isPaid = try scanner.bool()
            case .memo: invoice.memo = try scanner.optionalString()
            case .externalGUID: invoice.externalGUID = try scanner.optionalString()
            case .linkedTxn: invoice.linkedTxns.append(try LinkedTxn.read(scanner))
            case .invoiceLineRet: invoice.lines.append(try InvoiceLine.read(scanner))
            case .invoiceLineGroupRet: try InvoiceLine.readGroup(scanner, into: &invoice.lines)
            default: try scanner.skip()
            }
        }
        return invoice
    }
}
