/// A payment as QuickBooks returns it (`ReceivePaymentRet`, docs/qbxml-messages.md, "Responses QBBridge reads"): what the add
/// created, or what a lookup found when re-finding a payment by ExternalGUID (§6).
public struct ReceivePayment: Sendable, Hashable, Codable {
    /// The payment's TxnID.
    public var txnID: TxnID?
    /// When it was created.
    public var timeCreated: QBDateTime?
    /// When it was last modified.
    public var timeModified: QBDateTime?
    /// Changes on every modification.
    public var editSequence: String?
    /// QuickBooks' internal sequence number.
    public var txnNumber: Int?
    /// The paying customer.
    public var customer: ListRef?
    /// The A/R account.
    public var arAccount: ListRef?
    /// The payment date.
    public var txnDate: QBDate?
    /// The reference (check) number.
    public var refNumber: String?
    /// The amount received.
    public var totalAmount: Money?
    /// How it was paid.
    public var paymentMethod: ListRef?
    /// The memo.
    public var memo: String?
    /// Where the money went.
    public var depositToAccount: ListRef?
    /// The part not applied to any invoice (non-zero means QuickBooks did not apply all of it).
    public var unusedPayment: Money?
    /// Credits not used.
    public var unusedCredits: Money?
    /// The idempotency marker, if set (qbXML 9.0).
    public var externalGUID: String?
    /// The invoices it was applied to, with `IncludeLineItems=true` on queries.
    public var appliedTo: [AppliedToTxn]

    /// A payment; every field optional.
    public init(txnID: TxnID? = nil, timeCreated: QBDateTime? = nil, timeModified: QBDateTime? = nil,
                editSequence: String? = nil, txnNumber: Int? = nil, customer: ListRef? = nil, arAccount: ListRef? = nil,
                txnDate: QBDate? = nil, refNumber: String? = nil, totalAmount: Money? = nil,
                paymentMethod: ListRef? = nil, memo: String? = nil, depositToAccount: ListRef? = nil,
                unusedPayment: Money? = nil, unusedCredits: Money? = nil, externalGUID: String? = nil,
                appliedTo: [AppliedToTxn] = []) {
        self.txnID = txnID
        self.timeCreated = timeCreated
        self.timeModified = timeModified
        self.editSequence = editSequence
        self.txnNumber = txnNumber
        self.customer = customer
        self.arAccount = arAccount
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.totalAmount = totalAmount
        self.paymentMethod = paymentMethod
        self.memo = memo
        self.depositToAccount = depositToAccount
        self.unusedPayment = unusedPayment
        self.unusedCredits = unusedCredits
        self.externalGUID = externalGUID
        self.appliedTo = appliedTo
    }

    /// Reads a `ReceivePaymentRet` whose start tag is current.
    static func read(_ scanner: ResponseScanner) throws(QBXMLError) -> ReceivePayment {
        var payment = ReceivePayment()
        guard let depth = scanner.beginChildren() else { return payment }
        while let child = try scanner.nextChild(depth) {
            switch child {
            case .txnID: payment.txnID = try scanner.optionalString().map { TxnID($0) }
            case .timeCreated: payment.timeCreated = try scanner.dateTime()
            case .timeModified: payment.timeModified = try scanner.dateTime()
            case .editSequence: payment.editSequence = try scanner.optionalString()
            case .txnNumber: payment.txnNumber = try scanner.int()
            case .customerRef: payment.customer = try scanner.ref()
            case .arAccountRef: payment.arAccount = try scanner.ref()
            case .txnDate: payment.txnDate = try scanner.date()
            case .refNumber: payment.refNumber = try scanner.optionalString()
            case .totalAmount: payment.totalAmount = try scanner.money()
            case .paymentMethodRef: payment.paymentMethod = try scanner.ref()
            case .memo: payment.memo = try scanner.optionalString()
            case .depositToAccountRef: payment.depositToAccount = try scanner.ref()
            case .unusedPayment: payment.unusedPayment = try scanner.money()
            case .unusedCredits: payment.unusedCredits = try scanner.money()
            case .externalGUID: payment.externalGUID = try scanner.optionalString()
            case .appliedToTxnRet: payment.appliedTo.append(try AppliedToTxn.read(scanner))
            default: try scanner.skip()
            }
        }
        return payment
    }
}
