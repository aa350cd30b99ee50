/// A credit memo as QuickBooks returns it (`CreditMemoRet`, docs/qbxml-messages.md, "Responses QBBridge reads"). An open credit
/// has `creditRemaining > 0`; a credit applied to an invoice lowers that invoice's balance.
public struct CreditMemo: Sendable, Hashable, Codable {
    /// The credit memo's TxnID.
    public var txnID: TxnID?
    /// The customer credited.
    public var customer: ListRef?
    /// Its date.
    public var txnDate: QBDate?
    /// Its number.
    public var refNumber: String?
    /// Its total.
    public var totalAmount: Money?
    /// What is left to apply (qbXML 2.0).
    public var creditRemaining: Money?
    /// Where it was applied, with `IncludeLinkedTxns=true`.
    public var linkedTxns: [LinkedTxn]
    /// When it was last modified.
    public var timeModified: QBDateTime?
    /// Changes on every modification.
    public var editSequence: String?
    /// Lines, with `IncludeLineItems=true`.
    public var lines: [InvoiceLine]

    /// A credit memo; every field optional.
    public init(txnID: TxnID? = nil, customer: ListRef? = nil, txnDate: QBDate? = nil, refNumber: String? = nil,
                totalAmount: Money? = nil, creditRemaining: Money? = nil, linkedTxns: [LinkedTxn] = [],
                timeModified: QBDateTime? = nil, editSequence: String? = nil, lines: [InvoiceLine] = []) {
        self.txnID = txnID
        self.customer = customer
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.totalAmount = totalAmount
        self.creditRemaining = creditRemaining
        self.linkedTxns = linkedTxns
        self.timeModified = timeModified
        self.editSequence = editSequence
        self.lines = lines
    }

    /// Reads a `CreditMemoRet` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> CreditMemo {
        var memo = CreditMemo()
        guard let depth = scanner.beginChildren() else { return memo }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnID: memo.txnID = try scanner.optionalString().map { TxnID($0) }
            case .customerRef: memo.customer = try scanner.ref()
            case .txnDate: memo.txnDate = try scanner.date()
            case .refNumber: memo.refNumber = try scanner.optionalString()
            case .totalAmount: memo.totalAmount = try scanner.money()
            case .creditRemaining: memo.creditRemaining = try scanner.money()
            case .linkedTxn: memo.linkedTxns.append(try LinkedTxn.read(scanner))
            case .timeModified: memo.timeModified = try scanner.dateTime()
            case .editSequence: memo.editSequence = try scanner.optionalString()
            case .creditMemoLineRet: memo.lines.append(try InvoiceLine.read(scanner))
            case .creditMemoLineGroupRet: try InvoiceLine.readGroup(scanner, into: &memo.lines)
            default: try scanner.skip()
            }
        }
        return memo
    }
}
