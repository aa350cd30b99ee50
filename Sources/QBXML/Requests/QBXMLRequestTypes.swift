/// Every request QuickBooks Desktop's qbXML message set (`QBXMLMsgsRq`) defines, with the qbXML version that
/// introduced it, so a raw request for anything QuickBooks accepts can be checked without Intuit's schema files
/// (issue 22, item 8; docs/qbxml-messages.md, "Raw requests").
///
/// The table is written from the request families Intuit's SDK lists for qbXML 11.0 to 14.0 (the XMLOps sample
/// of each version names every family and its verbs). QBBridge speaks qbXML 11.0 and newer, so a request older
/// than 11.0 is recorded as 11.0: the version only matters where it raises a request's minimum.
/// The subscription and event message sets (`QBXMLSubscriptionMsgsRq`) are not here: the Web Connector sends
/// only `QBXMLMsgsRq`.
public enum QBXMLRequestTypes {
    /// The version a request element first appeared in, or nil when qbXML has no such request.
    public static func introduced(_ element: String) -> QBXMLVersion? {
        table[element]
    }

    /// Every known request element name, sorted.
    public static var all: [String] { table.keys.sorted() }

    /// The known request closest in spelling to `element` (for "did you mean …?"), if any is close.
    public static func suggestion(for element: String) -> String? {
        let lowered = element.lowercased()
        if let sameLetters = table.keys.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let best = table.keys.map { ($0, editDistance(lowered, $0.lowercased())) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best, best.1 <= max(2, element.count / 6) else { return nil }
        return best.0
    }

    /// Whether the request changes the company file (anything but a query): its answer, if lost, may hide a
    /// change already made, so it is never re-sent by itself.
    public static func isQuery(_ element: String) -> Bool {
        element.hasSuffix("QueryRq")
    }

    /// The aggregate an Add or Mod request must carry (`CustomerAddRq` holds one `<CustomerAdd>`), nil for the
    /// other verbs, whose content differs per request.
    public static func requiredAggregate(of element: String) -> String? {
        let base = element.dropLast(2)
        return base.hasSuffix("Add") || base.hasSuffix("Mod") ? String(base) : nil
    }

    private static let table: [String: QBXMLVersion] = {
        var table: [String: QBXMLVersion] = [:]
        for (family, verbs, version) in families {
            for verb in verbs { table[family + verb.rawValue + "Rq"] = version }
        }
        return table
    }()

    private enum Verb: String {
        case add = "Add", mod = "Mod", query = "Query", del = "Del", merge = "Merge", void = "Void"
    }

    private static let v11 = QBXMLVersion.oldestSupported
    private static let v12 = QBXMLVersion(major: 12, minor: 0)
    private static let v13 = QBXMLVersion(major: 13, minor: 0)

    /// Request families and their verbs, in the order Intuit lists them.
    private static let families: [(String, [Verb], QBXMLVersion)] = [
        ("Host", [.query], v11), ("Company", [.query], v11), ("CompanyActivity", [.query], v11), ("Preferences", [.query], v11),
        ("Account", [.add, .mod, .query], v11), ("SpecialAccount", [.add], v11), ("AccountTaxLineInfo", [.query], v11),
        ("Lead", [.add, .mod, .query], v13),
        ("Customer", [.add, .mod, .query], v11), ("Employee", [.add, .mod, .query], v11), ("OtherName", [.add, .mod, .query], v11),
        ("Vendor", [.add, .mod, .query], v11), ("Entity", [.query], v11),
        ("StandardTerms", [.add, .query], v11), ("DateDrivenTerms", [.add, .query], v11), ("Terms", [.query], v11),
        ("Class", [.add, .mod, .query], v11), ("SalesRep", [.add, .mod, .query], v11),
        ("CustomerType", [.add, .query], v11), ("VendorType", [.add, .query], v11), ("JobType", [.add, .query], v11),
        ("CustomerMsg", [.add, .query], v11), ("PaymentMethod", [.add, .query], v11), ("ShipMethod", [.add, .query], v11),
        ("SalesTaxCode", [.add, .mod, .query], v11), ("ToDo", [.add, .mod, .query], v11),
        ("ItemService", [.add, .mod, .query], v11), ("ItemNonInventory", [.add, .mod, .query], v11),
        ("ItemOtherCharge", [.add, .mod, .query], v11), ("ItemInventory", [.add, .mod, .query], v11),
        ("ItemInventoryAssembly", [.add, .mod, .query], v11), ("ItemFixedAsset", [.add, .mod, .query], v11),
        ("ItemSubtotal", [.add, .mod, .query], v11), ("ItemDiscount", [.add, .mod, .query], v11),
        ("ItemPayment", [.add, .mod, .query], v11), ("ItemSalesTax", [.add, .mod, .query], v11),
        ("ItemSalesTaxGroup", [.add, .mod, .query], v11), ("ItemGroup", [.add, .mod, .query], v11),
        ("SpecialItem", [.add], v11), ("Item", [.query], v11),
        ("PayrollItemWage", [.add, .query], v11), ("PayrollItemNonWage", [.query], v11), ("Template", [.query], v11),
        ("PriceLevel", [.add, .mod, .query], v11), ("BillingRate", [.add, .query], v11), ("Vehicle", [.add, .mod, .query], v11),
        ("UnitOfMeasureSet", [.add, .query], v11), ("WorkersCompCode", [.add, .mod, .query], v11),
        ("Form1099CategoryAccountMapping", [.mod, .query], v11), ("SalesTaxReturn", [.query], v11),
        ("SalesTaxReturnLine", [.query], v11), ("Currency", [.add, .mod, .query], v11), ("PayrollLastPeriod", [.query], v11),
        ("InventorySite", [.add, .mod, .query], v11),
        ("Invoice", [.add, .mod, .query], v11), ("Estimate", [.add, .mod, .query], v11), ("SalesOrder", [.add, .mod, .query], v11),
        ("SalesReceipt", [.add, .mod, .query], v11), ("CreditMemo", [.add, .mod, .query], v11),
        ("ReceivePayment", [.add, .mod, .query], v11), ("ReceivePaymentToDeposit", [.query], v11),
        ("Charge", [.add, .mod, .query], v11), ("PurchaseOrder", [.add, .mod, .query], v11), ("Bill", [.add, .mod, .query], v11),
        ("ItemReceipt", [.add, .mod, .query], v11), ("VendorCredit", [.add, .mod, .query], v11),
        ("BillPaymentCheck", [.add, .mod, .query], v11), ("BillPaymentCreditCard", [.add, .query], v11), ("BillToPay", [.query], v11),
        ("SalesTaxPaymentCheck", [.add, .mod, .query], v11), ("SalesTaxPayable", [.query], v11),
        ("InventoryAdjustment", [.add, .mod, .query], v11), ("TimeTracking", [.add, .mod, .query], v11),
        ("Check", [.add, .mod, .query], v11), ("CreditCardCharge", [.add, .mod, .query], v11),
        ("CreditCardCredit", [.add, .mod, .query], v11), ("JournalEntry", [.add, .mod, .query], v11),
        ("Deposit", [.add, .mod, .query], v11),
        ("List", [.del, .merge], v11), ("ListDeleted", [.query], v11), ("Txn", [.del, .void], v11), ("TxnDeleted", [.query], v11),
        ("ClearedStatus", [.mod], v11), ("ListDisplay", [.add, .mod], v11), ("TxnDisplay", [.add, .mod], v11),
        ("DataEventRecoveryInfo", [.del, .query], v11), ("Transaction", [.query], v11),
        ("BuildAssembly", [.add, .mod, .query], v11), ("ItemAssembliesCanBuild", [.query], v11),
        ("ARRefundCreditCard", [.add, .query], v11), ("VehicleMileage", [.add, .query], v11),
        ("TransferInventory", [.add, .mod, .query], v11), ("ItemSites", [.query], v11),
        ("BarCode", [.query], v12), ("Transfer", [.add, .mod, .query], v12),
        ("GeneralSummaryReport", [.query], v11), ("JobReport", [.query], v11), ("TimeReport", [.query], v11),
        ("AgingReport", [.query], v11), ("BudgetSummaryReport", [.query], v11), ("GeneralDetailReport", [.query], v11),
        ("CustomDetailReport", [.query], v11), ("CustomSummaryReport", [.query], v11),
        ("PayrollDetailReport", [.query], v11), ("PayrollSummaryReport", [.query], v11),
        ("DataExtDef", [.add, .mod, .del, .query], v11), ("DataExt", [.add, .mod, .del], v11),
    ]

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
