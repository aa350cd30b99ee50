/// `ReceivePaymentAddRq`: records a customer payment applied to specific invoices
/// (docs/qbxml-messages.md, "Requests QBBridge sends"), the request the payment bridge exists for.
///
/// Always applies explicitly with `AppliedToTxnAdd` (never `IsAutoApply`, see docs/qbxml-messages.md, "Requests QBBridge sends",
/// "Risk: QuickBooks auto-apply"), always sends `TxnDate` and `TotalAmount`, and carries the
/// idempotency marker `ExternalGUID` (qbXML 9.0; left out below, docs/qbxml-messages.md, "Finding a payment again").
public struct ReceivePaymentAddRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// The customer or customer:job (FullName up to 209 characters).
    public var customer: RefSelector
    /// The A/R account; must match every invoice's (FullName up to 159). Omitted → default A/R.
    public var arAccount: RefSelector?
    /// The payment date.
    public var txnDate: QBDate
    /// The reference (check) number, up to 20 characters; left blank in QuickBooks when nil.
    public var refNumber: String?
    /// The amount received; the applied amounts must not exceed it.
    public var totalAmount: Money
    /// How the customer paid (FullName up to 31).
    public var paymentMethod: RefSelector?
    /// A memo, up to 4095 characters; a short tag such as `QBB:<id>` helps people find it.
    public var memo: String?
    /// Where the money goes (FullName up to 159). Omitted → Undeposited Funds (preference dependent).
    public var depositToAccount: RefSelector?
    /// The idempotency marker, a braced GUID (qbXML 9.0; left out on older versions).
    public var externalGUID: QBGUID?
    /// The invoices paid, at least one.
    public var appliedTo: [AppliedToTxnAdd]
    /// Return only these `ReceivePaymentRet` children (qbXML 4.0, left out below).
    public var includeRetElements: [String]

    /// A payment.
    public init(requestID: String, customer: RefSelector, arAccount: RefSelector? = nil, txnDate: QBDate,
                refNumber: String? = nil, totalAmount: Money, paymentMethod: RefSelector? = nil, memo: String? = nil,
                depositToAccount: RefSelector? = nil, externalGUID: QBGUID? = nil, appliedTo: [AppliedToTxnAdd],
                includeRetElements: [String] = []) {
        self.requestID = requestID
        self.customer = customer
        self.arAccount = arAccount
        self.txnDate = txnDate
        self.refNumber = refNumber
        self.totalAmount = totalAmount
        self.paymentMethod = paymentMethod
        self.memo = memo
        self.depositToAccount = depositToAccount
        self.externalGUID = externalGUID
        self.appliedTo = appliedTo
        self.includeRetElements = includeRetElements
    }

    /// Payments with explicit applications exist in every version QBBridge supports.
    public var minimumVersion: QBXMLVersion { .v1_0 }

    /// Writes `<ReceivePaymentAddRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("ReceivePaymentAddRq", attributes: [requestIDAttribute])
        try writer.open("ReceivePaymentAdd")
        guard !appliedTo.isEmpty else { throw .emptyField(field: writer.path("AppliedToTxnAdd")) }
        let applied = appliedTo.reduce(Int64(0)) { $0 + ($1.paymentAmount?.cents ?? 0) }
        guard applied <= totalAmount.cents else {
            throw .invalidValue(field: writer.path("TotalAmount"), value: totalAmount.description,
                                expected: "at least the sum of the PaymentAmounts (\(Money(uncheckedCents: applied)))")
        }
        try writer.ref("CustomerRef", customer, fullNameMaxLength: QBXMLLimits.customerFullName)
        if let arAccount { try writer.ref("ARAccountRef", arAccount, fullNameMaxLength: QBXMLLimits.accountFullName) }
        writer.element("TxnDate", txnDate)
        if let refNumber { try writer.element("RefNumber", refNumber, maxLength: QBXMLLimits.paymentRefNumber) }
        writer.element("TotalAmount", totalAmount)
        if let paymentMethod { try writer.ref("PaymentMethodRef", paymentMethod, fullNameMaxLength: QBXMLLimits.paymentMethodFullName) }
        if let memo { try writer.element("Memo", memo, maxLength: QBXMLLimits.memo) }
        if let depositToAccount { try writer.ref("DepositToAccountRef", depositToAccount, fullNameMaxLength: QBXMLLimits.accountFullName) }
        if let externalGUID, version >= .v9_0 {
            guard externalGUID != QBGUID.zero else {
                throw .invalidValue(field: writer.path("ExternalGUID"), value: "0", expected: "a GUID in braces (0 is only an OwnerID)")
            }
            writer.element("ExternalGUID", externalGUID)
        }
        for application in appliedTo { try application.render(into: &writer, version: version) }
        writer.close()
        try writer.includeRetElements(includeRetElements, version: version)
        writer.close()
    }
}

/// One invoice a payment applies to (`AppliedToTxnAdd`, docs/qbxml-messages.md, "Requests QBBridge sends").
/// Needs a PaymentAmount or a DiscountAmount, else QuickBooks reports an "empty transaction".
public struct AppliedToTxnAdd: Sendable, Hashable, Codable {
    /// The invoice (or other receivable); it must still be open.
    public var txnID: TxnID
    /// The amount applied.
    public var paymentAmount: Money?
    /// An early-payment discount.
    public var discountAmount: Money?
    /// The discount's account (FullName up to 159).
    public var discountAccount: RefSelector?
    /// The discount's class (qbXML 11.0, left out below; FullName up to 159).
    public var discountClass: RefSelector?

    /// An application.
    public init(txnID: TxnID, paymentAmount: Money?, discountAmount: Money? = nil,
                discountAccount: RefSelector? = nil, discountClass: RefSelector? = nil) {
        self.txnID = txnID
        self.paymentAmount = paymentAmount
        self.discountAmount = discountAmount
        self.discountAccount = discountAccount
        self.discountClass = discountClass
    }

    func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("AppliedToTxnAdd")
        guard paymentAmount != nil || discountAmount != nil else {
            throw .emptyField(field: writer.path("PaymentAmount"))
        }
        try writer.element("TxnID", txnID.rawValue, maxLength: QBXMLLimits.id)
        if let paymentAmount { writer.element("PaymentAmount", paymentAmount) }
        if let discountAmount { writer.element("DiscountAmount", discountAmount) }
        if let discountAccount { try writer.ref("DiscountAccountRef", discountAccount, fullNameMaxLength: QBXMLLimits.accountFullName) }
        if let discountClass, version >= .v11_0 {
            try writer.ref("DiscountClassRef", discountClass, fullNameMaxLength: QBXMLLimits.accountFullName)
        }
        writer.close()
    }
}
