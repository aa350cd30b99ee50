import QBXML

/// Fully populated requests shared by the request, schema and batching tests.
enum Fixtures {
    static let guid = QBGUID("{8A0F3C52-9D4E-5B7A-8C21-3F6E9A1B2C4D}")
    static let version13 = QBXMLVersion(major: 13, minor: 0)

    static func payment(_ id: String = "pmt-000123", memo: String? = "QBB:pmt-000123 upstream order 5561") throws -> ReceivePaymentAddRq {
        ReceivePaymentAddRq(
            requestID: id,
            customer: .listID("80000017-1331869840"),
            arAccount: .fullName("Accounts Receivable"),
            txnDate: try required(QBDate("2024-04-25")),
            refNumber: "CHK-20417",
            totalAmount: try required(Money("1500.00")),
            paymentMethod: .fullName("Check"),
            memo: memo,
            depositToAccount: .listID("8000007C-1333734185"),
            externalGUID: guid,
            appliedTo: [
                AppliedToTxnAdd(txnID: "1E77-1711986400", paymentAmount: try required(Money("1200.00"))),
                AppliedToTxnAdd(txnID: "1E9C-1712851200", paymentAmount: try required(Money("290.00")),
                                discountAmount: try required(Money("10.00")), discountAccount: .fullName("Discounts Given"),
                                discountClass: .fullName("Residential")),
            ],
            includeRetElements: ["TxnID", "ExternalGUID", "AppliedToTxnRet"]
        )
    }

    static func invoiceQuery(_ id: String = "inv-q-000050") throws -> InvoiceQueryRq {
        InvoiceQueryRq(
            requestID: id,
            selection: .filter(TxnFilter(
                maxReturned: 100,
                dateRange: .modified(from: try required(QBDateTime("2024-07-01T00:00:00-08:00")), to: try required(QBDateTime("2024-07-31T23:59:59"))),
                entity: .listIDWithChildren("80000017-1331869840"),
                account: .fullNames(["Accounts Receivable"]),
                refNumber: .range(from: "21000", to: "21999"),
                currency: .fullNames(["US Dollar"])
            )),
            paidStatus: .notPaidOnly, includeLineItems: true, includeLinkedTxns: true, iterator: .start,
            includeRetElements: ["TxnID", "BalanceRemaining"], ownerIDs: ["0"]
        )
    }

    static func paymentScan(_ id: String = "pmt-q-000009") throws -> ReceivePaymentQueryRq {
        ReceivePaymentQueryRq(
            requestID: id,
            selection: .filter(TxnFilter(
                maxReturned: 50,
                dateRange: .txnDate(from: try required(QBDate("2024-04-24")), to: try required(QBDate("2024-04-26"))),
                entity: .listIDs(["80000017-1331869840"]),
                refNumber: .match(.startsWith, "CHK-2041")
            )),
            includeLineItems: true, iterator: .continue(iteratorID: "{7c9e6679-7425-40de-944b-e07fc1f90ae7}"),
            includeRetElements: ["TxnID", "TxnDate", "RefNumber", "TotalAmount", "Memo", "ExternalGUID", "AppliedToTxnRet"],
            ownerIDs: [guid?.rawValue ?? "0"]
        )
    }

    static func creditMemoQuery(_ id: String = "cm-q-000002") -> CreditMemoQueryRq {
        CreditMemoQueryRq(requestID: id, selection: .filter(TxnFilter(maxReturned: 10, dateRange: .txnDateMacro(.thisFiscalYear),
                                                                       entity: .fullNameWithChildren("Anderson Plumbing"))),
                          includeLineItems: true, includeLinkedTxns: true, iterator: .stop(iteratorID: "{abc}"),
                          includeRetElements: ["CreditRemaining"], ownerIDs: ["0"])
    }

    static func customerQuery(_ id: String = "cust-q-000003") throws -> CustomerQueryRq {
        CustomerQueryRq(requestID: id, selection: .filter(CustomerListFilter(
            maxReturned: 25, activeStatus: .all, fromModifiedDate: try required(QBDateTime("2024-01-01T00:00:00")),
            toModifiedDate: try required(QBDateTime("2024-12-31T23:59:59")), name: .match(.contains, "Plumbing"),
            totalBalance: TotalBalanceFilter(.greaterThan, .zero), currency: .listIDs(["80000001-1"]),
            classFilter: .fullNames(["Residential"])
        )), iterator: .start, includeRetElements: ["ListID", "FullName"], ownerIDs: ["0"])
    }

    static func everyRequest() throws -> [any QBXMLRequest] {
        [
            HostQueryRq(requestID: "host-1", includeMaxCapacity: true, includeRetElements: ["ProductName"]),
            CompanyQueryRq(requestID: "company-1", ownerIDs: ["0", "{57F3B9B6-86F1-4FCC-B1FF-967DE1813D20}"], includeRetElements: ["CompanyName"]),
            PreferencesQueryRq(requestID: "prefs-1", includeRetElements: ["AccountingPreferences"]),
            try customerQuery(),
            try invoiceQuery(),
            creditMemoQuery(),
            try paymentScan(),
            try payment(),
            TxnDelRq(requestID: "del-000003", txnID: "1F3A-1714070123"),
        ]
    }

    struct Missing: Error {}

    static func required<T>(_ value: T?) throws -> T {
        guard let value else { throw Missing() }
        return value
    }
}
