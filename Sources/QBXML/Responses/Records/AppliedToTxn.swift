/// One invoice a payment was applied to (`AppliedToTxnRet`, docs/qbxml-messages.md, "Responses QBBridge reads"): after a
/// successful add, compare these with what was sent (QuickBooks' auto-apply, docs/qbxml-messages.md, "Requests QBBridge sends").
public struct AppliedToTxn: Sendable, Hashable, Codable {
    /// The invoice.
    public var txnID: TxnID?
    /// Its type, normally `Invoice`.
    public var txnType: String?
    /// Its date.
    public var txnDate: QBDate?
    /// Its number.
    public var refNumber: String?
    /// The invoice's balance now.
    public var balanceRemaining: Money?
    /// The amount applied (positive here).
    public var amount: Money?
    /// A discount taken.
    public var discountAmount: Money?
    /// The invoice's other links (qbXML 10.0).
    public var linkedTxns: [LinkedTxn]

    /// An application; every field optional.
    public init(txnID: TxnID? = nil, txnType: String? = nil, txnDate: QBDate? = nil, refNumber: String? = nil,
                balanceRemaining: Money? = nil, amount: Money? = nil, discountAmount: Money? = nil,
                linkedTxns: [LinkedTxn] = []) {
        self.txnID = txnID
        self.txnType = txnType
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.balanceRemaining = balanceRemaining
        self.amount = amount
        self.discountAmount = discountAmount
        self.linkedTxns = linkedTxns
    }

    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> AppliedToTxn {
        var applied = AppliedToTxn()
        guard let depth = scanner.beginChildren() else { return applied }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnID: applied.txnID = try scanner.optionalString().map { TxnID($0) }
            case .txnType: applied.txnType = try scanner.optionalString()
            case .txnDate: applied.txnDate = try scanner.date()
            case .refNumber: applied.refNumber = try scanner.optionalString()
            case .balanceRemaining: applied.balanceRemaining = try scanner.money()
            case .amount: applied.amount = try scanner.money()
            case .discountAmount: applied.discountAmount = try scanner.money()
            case .linkedTxn: applied.linkedTxns.append(try LinkedTxn.read(scanner))
            default: try scanner.skip()
            }
        }
        return applied
    }
}
