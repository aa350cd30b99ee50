/// One object found in a response (docs/qbxml-messages.md, "Responses QBBridge reads"), typed by its element.
public enum QBXMLRecord: Sendable, Equatable {
    /// An `InvoiceRet`.
    case invoice(Invoice)
    /// A `CustomerRet`.
    case customer(Customer)
    /// A `CreditMemoRet`.
    case creditMemo(CreditMemo)
    /// A `ReceivePaymentRet`.
    case receivePayment(ReceivePayment)
    /// A `HostRet`.
    case host(HostInfo)
    /// A `CompanyRet`.
    case company(CompanyInfo)
    /// A `PreferencesRet`.
    case preferences(PreferencesInfo)
    /// The fields of a `TxnDelRs`.
    case txnDeleted(TxnDeleted)
    /// An `ErrorRecovery`.
    case errorRecovery(ErrorRecovery)
}
