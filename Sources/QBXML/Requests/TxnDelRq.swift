/// `TxnDelRq`: deletes a transaction, e.g. a payment posted by mistake (docs/qbxml-messages.md, "Requests QBBridge sends").
public struct TxnDelRq: QBXMLRequest, Hashable, Codable {
    /// Echoed on the response.
    public var requestID: String
    /// The kind of transaction.
    public var txnDelType: TxnDelType
    /// The transaction to delete.
    public var txnID: TxnID

    /// A delete request; the type defaults to a payment.
    public init(requestID: String, txnDelType: TxnDelType = .receivePayment, txnID: TxnID) {
        self.requestID = requestID
        self.txnDelType = txnDelType
        self.txnID = txnID
    }

    /// TxnDel exists in every version QBBridge supports.
    public var minimumVersion: QBXMLVersion { .v1_0 }

    /// Writes `<TxnDelRq>`.
    public func render(into writer: inout QBXMLWriter, version: QBXMLVersion) throws(QBXMLError) {
        try writer.open("TxnDelRq", attributes: [requestIDAttribute])
        try writer.element("TxnDelType", txnDelType.rawValue)
        try writer.element("TxnID", txnID.rawValue, maxLength: QBXMLLimits.id)
        writer.close()
    }
}

/// `TxnDelType` values of qbXML 13.0 (docs/qbxml-messages.md, "Requests QBBridge sends"). The payroll values of 9.0–12.0 and
/// 15.0+ are absent from the 13.0 schema QBBridge emits, so they are not offered.
public enum TxnDelType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case arRefundCreditCard = "ARRefundCreditCard", bill = "Bill", billPaymentCheck = "BillPaymentCheck"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case billPaymentCreditCard = "BillPaymentCreditCard", buildAssembly = "BuildAssembly", charge = "Charge"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case check = "Check", creditCardCharge = "CreditCardCharge", creditCardCredit = "CreditCardCredit"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case creditMemo = "CreditMemo", deposit = "Deposit", estimate = "Estimate"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case inventoryAdjustment = "InventoryAdjustment", invoice = "Invoice", itemReceipt = "ItemReceipt"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case journalEntry = "JournalEntry", purchaseOrder = "PurchaseOrder", receivePayment = "ReceivePayment"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case salesOrder = "SalesOrder", salesReceipt = "SalesReceipt", salesTaxPaymentCheck = "SalesTaxPaymentCheck"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case timeTracking = "TimeTracking", transferInventory = "TransferInventory", vehicleMileage = "VehicleMileage"
    /// A transaction type that can be deleted (raw value = qbXML spelling).
    case vendorCredit = "VendorCredit"
}
