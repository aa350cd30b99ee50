/// The qbXML response element names the reader understands, so that names are compared as
/// libxml2-interned pointers instead of building a Swift `String` per element (see `ResponseScanner`).
enum QBElement: String, CaseIterable {
    case unknown = ""
    // Envelope and records
    case qbxml = "QBXML", qbxmlMsgsRs = "QBXMLMsgsRs"
    case invoiceRet = "InvoiceRet", customerRet = "CustomerRet", creditMemoRet = "CreditMemoRet"
    case receivePaymentRet = "ReceivePaymentRet", hostRet = "HostRet", companyRet = "CompanyRet"
    case preferencesRet = "PreferencesRet", errorRecovery = "ErrorRecovery"
    // Shared fields
    case txnID = "TxnID", timeCreated = "TimeCreated", timeModified = "TimeModified", editSequence = "EditSequence"
    case txnNumber = "TxnNumber", customerRef = "CustomerRef", arAccountRef = "ARAccountRef", txnDate = "TxnDate"
    case refNumber = "RefNumber", dueDate = "DueDate", subtotal = "Subtotal", salesTaxTotal = "SalesTaxTotal"
    case appliedAmount = "AppliedAmount", balanceRemaining = "BalanceRemaining", isPaid = "IsPaid", memo = "Memo"
    case externalGUID = "ExternalGUID", linkedTxn = "LinkedTxn", listID = "ListID", fullName = "FullName"
    case ownerID = "OwnerID"
    // Lines and links
    case invoiceLineRet = "InvoiceLineRet", invoiceLineGroupRet = "InvoiceLineGroupRet"
    case creditMemoLineRet = "CreditMemoLineRet", creditMemoLineGroupRet = "CreditMemoLineGroupRet"
    case txnLineID = "TxnLineID", itemRef = "ItemRef", desc = "Desc", quantity = "Quantity", rate = "Rate"
    case amount = "Amount", txnType = "TxnType", linkType = "LinkType"
    // Credit memo and payment
    case totalAmount = "TotalAmount", creditRemaining = "CreditRemaining", paymentMethodRef = "PaymentMethodRef"
    case depositToAccountRef = "DepositToAccountRef", unusedPayment = "UnusedPayment", unusedCredits = "UnusedCredits"
    case appliedToTxnRet = "AppliedToTxnRet", discountAmount = "DiscountAmount"
    // Customer
    case name = "Name", isActive = "IsActive", companyName = "CompanyName", email = "Email", phone = "Phone"
    case balance = "Balance", totalBalance = "TotalBalance"
    // TxnDelRs
    case txnDelType = "TxnDelType", timeDeleted = "TimeDeleted"
    // Host, company, preferences
    case productName = "ProductName", majorVersion = "MajorVersion", minorVersion = "MinorVersion"
    case country = "Country", supportedQBXMLVersion = "SupportedQBXMLVersion", isAutomaticLogin = "IsAutomaticLogin"
    case qbFileMode = "QBFileMode", legalCompanyName = "LegalCompanyName", dataExtRet = "DataExtRet"
    case dataExtName = "DataExtName", dataExtType = "DataExtType", dataExtValue = "DataExtValue"
    case accountingPreferences = "AccountingPreferences", isUsingClassTracking = "IsUsingClassTracking"
    case closingDate = "ClosingDate", multiCurrencyPreferences = "MultiCurrencyPreferences"
    case isMultiCurrencyOn = "IsMultiCurrencyOn", salesAndCustomersPreferences = "SalesAndCustomersPreferences"
    case isAutoApplyingPayments = "IsAutoApplyingPayments"
}
