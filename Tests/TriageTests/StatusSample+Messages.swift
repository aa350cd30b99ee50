import Testing
import Triage

extension StatusSample {
    /// Real `statusMessage` strings M01–M20, found without their full response document (production logs,
    /// vendor support articles, developer code). Where the source shows no code (M12, M14, M15) the code the
    /// message belongs to is assumed and said so in the id; a `\n` in a source is a real newline here.
    static let messages: [StatusSample] = [
        StatusSample(
            id: "M01", requestKind: "ReceivePaymentAdd", code: 3210, severity: "Error",
            message: "[QODBC] Error: 3210 - The \"AppliedToTxnAdd payment amount\" field has an invalid value \"298.55\".\nQuickBooks error message: You cannot pay more than the amount due.",
            expected: .amountChanged, titleHas: "open balance", stepHas: "$298.55"),
        StatusSample(
            id: "M02", requestKind: "ReceivePaymentAdd", code: 3210, severity: "Error",
            message: "Error 3210 : While trying to Add a(n) ReceivePayment with key value of 798042, QB responded The \"AppliedToTxnAdd payment amount\" field has an invalid value \"63.00\". QuickBooks error message: You cannot pay more than the amount due.",
            expected: .amountChanged, titleHas: "open balance", stepHas: "$63.00"),
        StatusSample(
            id: "M03", requestKind: "ReceivePaymentAdd", code: 3120, severity: "Error",
            message: "Object \"B68F-1621437495\" specified in the request cannot be found.",
            expected: .invoiceMissing, titleHas: "no longer exists", stepHas: "Voided/Deleted Transactions"),
        StatusSample(
            id: "M04", requestKind: "InvoiceAdd", code: 3120, severity: "Error",
            message: "Object &quot;80000027-1429563689&quot; specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.",
            expected: .customerMissing, titleHas: "80000027-1429563689", stepHas: "Customer Center"),
        StatusSample(
            id: "M05", requestKind: "EstimateAdd", code: 3000, severity: "Error",
            message: "The given object ID \"\" in the field \"list id\" is invalid.",
            expected: .invalidRequest, titleHas: "“list id”", stepHas: "Nothing needs to change in QuickBooks"),
        StatusSample(
            id: "M06", requestKind: "ReceivePaymentAdd", code: 3000, severity: "Error",
            message: "The given object ID \"-1\" in the field \"Transaction id\" is invalid",
            expected: .invalidRequest, titleHas: "“Transaction id”", stepHas: "Dismiss syncing"),
        StatusSample(
            id: "M07", requestKind: "DataExtMod", code: 3170, severity: "Error",
            message: "3170: There was an error when modifying a data extension named &quot;e-mail&quot;.  QuickBooks error message: This list has been modified by another user.",
            expected: .recordLocked, titleHas: "in use", stepHas: "tries again by itself"),
        StatusSample(
            id: "M08", requestKind: "CustomerAdd", code: 3180, severity: "Error",
            message: "There was an error when saving a Customer list, element &quot;Newcastle Tenants Federation&quot;. QuickBooks error message: This record has an error in it.",
            expected: .invalidRequest, titleHas: "invalid", stepHas: "Nothing needs to change in QuickBooks"),
        StatusSample(
            id: "M09", requestKind: "CustomerAdd", code: 3210, severity: "Error",
            message: "The &quot;address&quot; field has an invalid value &quot;&quot;.  QuickBooks error message: The parameter is incorrect.",
            expected: .invalidRequest, titleHas: "“address”", stepHas: "new request"),
        StatusSample(
            id: "M10", requestKind: "ItemInventoryMod", code: 3200, severity: "Error",
            message: "The provided edit sequence \"1416315972\" is out-of-date. ",
            expected: .editSequenceStale, titleHas: "item changed", stepHas: "Dismiss syncing"),
        StatusSample(
            id: "M11", requestKind: "CustomerMod", code: 3190, severity: "Error",
            message: "Cannot clear the element in the IncomeAccountRef field. ",
            expected: .invalidRequest, titleHas: "customer update", stepHas: "Send the code and message"),
        StatusSample(
            id: "M12 (3175 assumed)", requestKind: "SalesOrderMod", code: 3175, severity: "Error",
            message: "There was an error adding, modifying or deleting 495-1718624050 because it is already in use.  QuickBooks error message: The transaction could not be locked.  It is in use by another user.",
            expected: .recordLocked, titleHas: "in use", stepHas: "Receive Payments"),
        StatusSample(
            id: "M13", requestKind: "InvoiceMod", code: 3176, severity: "Error",
            message: "QuickBooks Error 3176: There was an error adding, modifying or deleting 1C5D12-1780069371 because it is already in use.  QuickBooks error message: The application failed to acquire the lock.",
            expected: .recordLocked, titleHas: "in use", stepHas: "after an hour"),
        StatusSample(
            id: "M14 (3170 assumed)", requestKind: "TxnVoid", code: 3170, severity: "Error",
            message: "Cannot void the object specified by the id = \"43-1789510995\".  QuickBooks error message: The transaction could not be locked.  It is in use by another user.",
            expected: .recordLocked, titleHas: "in use", stepHas: "tries again by itself"),
        StatusSample(
            id: "M15 (3180 assumed)", requestKind: "CustomerMod", code: 3180, severity: "Error",
            message: "...because it is already in use. QuickBooks error message: The list element is in use.",
            expected: .recordLocked, titleHas: "in use", stepHas: "close windows"),
        StatusSample(
            id: "M16", requestKind: "InvoiceAdd", code: 3140, severity: "Error",
            message: "Error 3140 - Invalid reference to Quickbooks AR Account <account name> in the invoice.",
            expected: .referenceMissing, titleHas: "A/R account", stepHas: "Chart of Accounts"),
        StatusSample(
            id: "M17", requestKind: "CustomerAdd", code: 3090, severity: "Error",
            message: "There was an error when storing &quot;Incorrect : Name&quot; in the &quot;customer name&quot; field.QuickBooks error message: Names in this list cannot contain a colon.The colon is a special character used to indicate a parent/child relationship.",
            expected: .invalidRequest, titleHas: "“customer name”", stepHas: "Dismiss syncing"),
        StatusSample(
            id: "M18", requestKind: "ReceivePaymentAdd", code: 3260, severity: "Error",
            message: "Insufficient permission level to perform this action.",
            expected: .permissionDenied, titleHas: "may not do this", stepHas: "Set Up Users"),
        StatusSample(
            id: "M19", requestKind: "CustomerQuery", code: 3261, severity: "Error",
            message: "The integrated application has no permission to ac...",
            expected: .permissionDenied, titleHas: "personal data", stepHas: "Allow this application to access personal data"),
        StatusSample(
            id: "M20", requestKind: "CustomerAdd", code: 3250, severity: "Error",
            message: "This feature is not enabled or not available in this version of QuickBooks.",
            expected: .featureUnavailable, titleHas: "not available", stepHas: "Click Retry"),
    ]

    /// The synthetic status lines S01–S06 (hand-built from real QuickBooks templates, not captured).
    static let synthetic: [StatusSample] = [
        StatusSample(
            id: "S01", requestKind: "ReceivePaymentAdd", code: 3210, severity: "Error",
            message: "The &quot;AppliedToTxnAdd payment amount&quot; field has an invalid value &quot;250.00&quot;.  QuickBooks error message: You cannot pay more than the amount due.",
            applications: [AppliedInvoice(txnID: "1A2E-1714069000", refNumber: "10455", amount: Amount(cents: 25_000))],
            expected: .amountChanged, titleHas: "invoice 10455", stepHas: "$250.00"),
        StatusSample(
            id: "S02", requestKind: "ReceivePaymentAdd", code: 3120, severity: "Error",
            message: "Object &quot;1A2F-1714070000&quot; specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.",
            applications: [AppliedInvoice(txnID: "1A2F-1714070000", refNumber: "10456", amount: Amount(cents: 12_000))],
            expected: .invoiceMissing, titleHas: "Invoice 10456 no longer exists", stepHas: "Voided/Deleted Transactions"),
        StatusSample(
            id: "S03", requestKind: "ReceivePaymentAdd", code: 3140, severity: "Error",
            message: "There is an invalid reference to QuickBooks Customer &quot;Acme Supply&quot; in the Receive Payment.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.",
            expected: .customerMissing, titleHas: "“Acme Supply”", stepHas: "Make Customer:Job Active"),
        StatusSample(id: "S04", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(id: "S05", requestKind: "InvoiceQuery", code: 0, severity: "Info", message: statusOK),
        StatusSample(
            id: "S06a", requestKind: "ReceivePaymentAdd", code: 3210, severity: "Error",
            message: "The &quot;AppliedToTxnAdd payment amount&quot; field has an invalid value &quot;75.10&quot;.  QuickBooks error message: You cannot pay more than the amount due.",
            applications: [
                AppliedInvoice(txnID: "1A40-1714700000", refNumber: "10460", amount: Amount(cents: 2_000)),
                AppliedInvoice(txnID: "1A41-1714700001", refNumber: "10461", amount: Amount(cents: 7_510)),
            ],
            expected: .amountChanged, titleHas: "invoice 10461", stepHas: "$75.10"),
        StatusSample(
            id: "S06b", requestKind: "ReceivePaymentAdd", code: 3231, severity: "Error",
            message: "The request has not been processed.",
            expected: .notProcessed, titleHas: "Skipped", stepHas: "Nothing to do"),
    ]
}
