/// A transaction linked to an invoice or credit memo (`LinkedTxn`, docs/qbxml-messages.md, "Responses QBBridge reads"):
/// on an invoice, a payment shows up with TxnType `ReceivePayment` and a negative amount, a credit
/// memo with TxnType `CreditMemo`. Used to explain a changed balance (docs/failure-catalogue.md, "The invoice check").
public struct LinkedTxn: Sendable, Hashable, Codable {
    /// The linked transaction.
    public var txnID: TxnID?
    /// Its type, e.g. `ReceivePayment`; kept as text because unknown values must be accepted.
    public var txnType: String?
    /// Its date.
    public var txnDate: QBDate?
    /// Its reference number.
    public var refNumber: String?
    /// `AMTTYPE` or `QUANTYPE`.
    public var linkType: String?
    /// The linked amount (negative for payments and credits applied to an invoice).
    public var amount: Money?

    /// A link; every field optional.
    public init(txnID: TxnID? = nil, txnType: String? = nil, txnDate: QBDate? = nil, refNumber: String? = nil,
                linkType: String? = nil, amount: Money? = nil) {
        self.txnID = txnID
        self.txnType = txnType
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.linkType = linkType
        self.amount = amount
    }

    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> LinkedTxn {
        var link = LinkedTxn()
        guard let depth = scanner.beginChildren() else { return link }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnID: link.txnID = try scanner.optionalString().map { TxnID($0) }
            case .txnType: link.txnType = try scanner.optionalString()
            case .txnDate: link.txnDate = try scanner.date()
            case .refNumber: link.refNumber = try scanner.optionalString()
            case .linkType: link.linkType = try scanner.optionalString()
            case .amount: link.amount = try scanner.money()
            default: try scanner.skip()
            }
        }
        return link
    }
}
