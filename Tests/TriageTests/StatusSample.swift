import Testing
import Triage

/// One status line copied verbatim from real QuickBooks output (the response documents, of which those in
/// `Samples/qbxml/real/` are kept as files, and single real status messages M01–M20) or from hand-built
/// synthetic cases (S01–S06), with the category it must get and words its title and one resolution step must contain.
struct StatusSample: Sendable, CustomTestStringConvertible {
    var id: String
    var requestKind: String
    var code: Int
    var severity: String
    var message: String
    var applications: [AppliedInvoice] = []
    var expected: FailureCategory?
    var titleHas: String = ""
    var stepHas: String = ""

    var testDescription: String { "\(id) \(requestKind) \(code)" }

    var input: RequestFailureInput {
        RequestFailureInput(
            requestKind: requestKind, statusCode: code, statusSeverity: severity, statusMessage: message,
            applications: applications)
    }
}

extension StatusSample {
    static let statusOK = "Status OK"
    static let noMatch = "A query request did not find a matching object in QuickBooks"
    static let notFoundSuffix = "  QuickBooks error message: Invalid argument.  The specified record does not exist in the list."

    /// Every status in the real response documents #1–#28 (numbered as in `Samples/qbxml/README.md`), as written
    /// in the original documents.
    static let documents: [StatusSample] = [
        StatusSample(id: "#1", requestKind: "ReceivePaymentAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#2a", requestKind: "ItemInventoryQuery", code: 1, severity: "Info", message: noMatch),
        StatusSample(id: "#2b", requestKind: "ItemInventoryQuery", code: 1, severity: "Info", message: noMatch),
        StatusSample(id: "#2c", requestKind: "SalesOrderAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(
            id: "#2d", requestKind: "SalesOrderAdd", code: 3140, severity: "Error",
            message: "There is an invalid reference to QuickBooks Customer &amp;quot;nononononoImNotThereAlrightDylan&amp;quot; in the SalesOrder." + notFoundSuffix,
            expected: .customerMissing, titleHas: "“nononononoImNotThereAlrightDylan”", stepHas: "All Customers"),
        StatusSample(
            id: "#3", requestKind: "SalesOrderAdd", code: 3140, severity: "Error",
            message: "There is an invalid reference to QuickBooks Customer &quot;Joe Smith&quot; in the SalesOrder." + notFoundSuffix,
            expected: .customerMissing, titleHas: "customer “Joe Smith”", stepHas: "search for “Joe Smith”"),
        StatusSample(id: "#4", requestKind: "InvoiceAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#5", requestKind: "ItemInventoryQuery", code: 1, severity: "Info", message: noMatch),
        StatusSample(
            id: "#6", requestKind: "SalesOrderAdd", code: 3140, severity: "Error",
            message: "There is an invalid reference to QuickBooks Item &quot;da product id 1&quot ; in the SalesOrder line." + notFoundSuffix,
            expected: .referenceMissing, titleHas: "Item “da product id 1”", stepHas: "Lists → Item List"),
        StatusSample(
            id: "#7", requestKind: "SalesOrderAdd", code: 3231, severity: "Error",
            message: "The request has not been processed.",
            expected: .notProcessed, titleHas: "Skipped", stepHas: "Resolve the failure recorded just before it"),
        StatusSample(
            id: "#8", requestKind: "ItemInventoryAdd", code: 3100, severity: "Error",
            message: "The name &amp;quot;SPREE-T-SHIRT697877&amp;quot; of the list element is already in use.",
            expected: .duplicateName, titleHas: "“SPREE-T-SHIRT697877”", stepHas: "rename one of them"),
        StatusSample(
            id: "#9", requestKind: "CustomerQuery", code: 3120, severity: "Error",
            message: "Object &quot;8000001B-1405768916&quot; specified in the request cannot be found." + notFoundSuffix,
            expected: .customerMissing, titleHas: "ID 8000001B-1405768916", stepHas: "Customer Center"),
        StatusSample(
            id: "#10", requestKind: "CustomerQuery", code: 500, severity: "Warn",
            message: "The query request has not been fully completed. There was a required element (&quot;bleech&quot;) that could not be found in QuickBooks."),
        StatusSample(id: "#11", requestKind: "CustomerAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#12a", requestKind: "HostQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#12b", requestKind: "CompanyQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#12c", requestKind: "PreferencesQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#13a", requestKind: "HostQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#13b", requestKind: "CompanyQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#13c", requestKind: "PreferencesQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(
            id: "#14", requestKind: "ItemServiceAdd", code: 3100, severity: "Error",
            message: "The name &amp;quot;Shipping Item - QuickBooks Inte&amp;quot; of the list element is already in use.",
            expected: .duplicateName, titleHas: "“Shipping Item - QuickBooks Inte”", stepHas: "inactive entries shown"),
        StatusSample(
            id: "#15", requestKind: "ReceivePaymentAdd", code: 3210, severity: "Info",
            message: "The &quot;AppliedToTxnAdd payment amount&quot; field has an invalid value &quot;129.43&quot;.  QuickBooks error message: You cannot pay more than the amount due.",
            expected: .amountChanged, titleHas: "open balance", stepHas: "compare its balance due with $129.43"),
        StatusSample(
            id: "#16", requestKind: "CustomerAdd", code: 3180, severity: "Error",
            message: "There was an error when saving a Customer list, element &quot;Newcastle Tenants Federation&quot;. QuickBooks error message: This list has been modified by another user.",
            expected: .recordLocked, titleHas: "in use", stepHas: "close windows"),
        StatusSample(id: "#17", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(
            id: "#19", requestKind: "CustomerAdd", code: 3090, severity: "Error",
            message: "There was an error when storing &quot;Incorrect : Name&quot; in the &quot;customer name&quot; field.QuickBooks error message: Names in this list cannot contain a colon.The colon is a special character used to indicate a parent/child relationship.",
            expected: .invalidRequest, titleHas: "“customer name”", stepHas: "Nothing needs to change in QuickBooks"),
        StatusSample(
            id: "#20", requestKind: "CustomerQuery", code: 3231, severity: "Error",
            message: "The request has not been processed.",
            expected: .notProcessed, titleHas: "earlier request", stepHas: "Nothing to do for this one"),
        StatusSample(
            id: "#21", requestKind: "CustomerMod", code: 3200, severity: "Error",
            message: "The provided edit sequence &quot;1272664823&quot; is out-of-date. ",
            expected: .editSequenceStale, titleHas: "customer changed in QuickBooks", stepHas: "Click Retry"),
        StatusSample(
            id: "#22", requestKind: "CustomerMod", code: 530, severity: "Warn",
            message: "The field &quot;IsStatementWithParent&quot; is not supported by this implementation."),
        StatusSample(id: "#24", requestKind: "CreditMemoAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#25", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#26a", requestKind: "CustomerQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#26b", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#27a", requestKind: "CustomerAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(
            id: "#27b", requestKind: "CustomerAdd", code: 3100, severity: "Error",
            message: "The name &quot;HG-BATCH-MIX-1785964184-1&quot; of the list element is already in use.",
            expected: .duplicateName, titleHas: "“HG-BATCH-MIX-1785964184-1”", stepHas: "Customer Center"),
        StatusSample(
            id: "#27c", requestKind: "CustomerAdd", code: 3250, severity: "Error",
            message: "This feature is not enabled or not available in this version of QuickBooks.",
            expected: .featureUnavailable, titleHas: "feature", stepHas: "Edit → Preferences → Company Preferences"),
        StatusSample(
            id: "#27d", requestKind: "CustomerAdd", code: 3130, severity: "Error",
            message: "There is an invalid reference to a parent &quot;NONEXISTENT-PARENT-CUSTOMER&quot; in the Customers list." + notFoundSuffix,
            expected: .customerMissing, titleHas: "parent customer “NONEXISTENT-PARENT-CUSTOMER”", stepHas: "re-create it"),
        StatusSample(id: "#27e", requestKind: "CustomerAdd", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "#28", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
    ]

    /// The sixteen 3100s of sample #23, in file order.
    static let batchOf16: [StatusSample] = [
        "10303464 - siva kumar nakshatrala", "11161012 - Rajbir Bajwa", "10303465 - deepak muthyalu",
        "11161013 - Venkata Kalyan Gadde", "11161015 - Kalyan Chakravarthi Cherukuri",
        "11161016 - Vinay Kumar Chittiboyina", "11161017 - syeda quader", "11161018 - PRASHANTH BADHA",
        "11161019 - vinisha taniparthi", "11161020 - suneeta Bitta", "11161021 - venkatesh suhas",
        "11161022 - Bala Krishna Chitteti", "11161023 - Jasmine  desai", "11161024 - yugendhar rao munagala",
        "11161025 - Surya Narayana Suresh Yenamand", "11161026 - bhavani kurapati",
    ].enumerated().map { index, name in
        StatusSample(
            id: "#23.\(index + 1)", requestKind: "CustomerAdd", code: 3100, severity: "Error",
            message: "The name &quot;\(name)&quot; of the list element is already in use.",
            expected: .duplicateName,
            titleHas: "“\(name)”",
            stepHas: "rename one of them")
    }
}
