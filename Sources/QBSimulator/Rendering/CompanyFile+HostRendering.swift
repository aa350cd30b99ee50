import QBXML

/// `HostRet`, `CompanyRet` and `PreferencesRet` (docs/qbxml-messages.md, "Responses QBBridge reads"), shaped like the two real
/// HCP captures in `Samples/qbxml/real/` (samples #12 and #13).
extension CompanyFile {
    func renderHost(options: RetOptions, into out: inout XMLOut) {
        out.openRet("HostRet", includeOnly: options.includeRetElements)
        out.leaf("ProductName", facts.productName)
        out.leaf("MajorVersion", facts.majorVersion)
        out.leaf("MinorVersion", facts.minorVersion)
        out.leaf("Country", facts.country)
        for version in facts.supportedQBXMLVersions { out.leaf("SupportedQBXMLVersion", version) }
        out.leaf("IsAutomaticLogin", facts.isAutomaticLogin)
        out.leaf("QBFileMode", facts.fileMode)
        out.close("HostRet")
    }

    /// `CompanyRet`; `DataExtRet`s only for the OwnerIDs asked for (`0` = public ones).
    func renderCompany(options: RetOptions, into out: inout XMLOut) {
        out.openRet("CompanyRet", includeOnly: options.includeRetElements)
        out.leaf("IsSampleCompany", false)
        out.leaf("CompanyName", facts.companyName)
        out.leaf("LegalCompanyName", facts.legalCompanyName ?? facts.companyName)
        out.leaf("Phone", facts.phone)
        out.leaf("Email", facts.email)
        out.leaf("FirstMonthFiscalYear", "January")
        out.leaf("FirstMonthIncomeTaxYear", "January")
        let owners = Set(options.ownerIDs.map { $0.uppercased() })
        for stamp in facts.dataExtensions where owners.contains((stamp.ownerID ?? "0").uppercased()) {
            out.open("DataExtRet")
            out.leaf("OwnerID", stamp.ownerID)
            out.leaf("DataExtName", stamp.name)
            out.leaf("DataExtType", stamp.type ?? "STR255TYPE")
            out.leaf("DataExtValue", stamp.value)
            out.close("DataExtRet")
        }
        out.close("CompanyRet")
    }

    func renderPreferences(options: RetOptions, into out: inout XMLOut) {
        let preferences = facts.preferences
        out.openRet("PreferencesRet", includeOnly: options.includeRetElements)
        out.open("AccountingPreferences")
        out.leaf("IsUsingAccountNumbers", preferences.isUsingAccountNumbers)
        out.leaf("IsRequiringAccounts", true)
        out.leaf("IsUsingClassTracking", preferences.isUsingClassTracking)
        out.leaf("IsUsingAuditTrail", true)
        out.leaf("IsAssigningJournalEntryNumbers", true)
        out.leaf("ClosingDate", preferences.closingDate)
        out.close("AccountingPreferences")
        out.open("FinanceChargePreferences")
        out.leaf("AnnualInterestRate", "0.00")
        out.leaf("MinFinanceCharge", "0.00")
        out.leaf("GracePeriod", "0")
        out.leaf("IsAssessingForOverdueCharges", false)
        out.leaf("CalculateChargesFrom", "DueDate")
        out.leaf("IsMarkedToBePrinted", false)
        out.close("FinanceChargePreferences")
        out.open("JobsAndEstimatesPreferences")
        out.leaf("IsUsingEstimates", true)
        out.leaf("IsUsingProgressInvoicing", false)
        out.leaf("IsPrintingItemsWithZeroAmounts", false)
        out.close("JobsAndEstimatesPreferences")
        out.open("MultiCurrencyPreferences")
        out.leaf("IsMultiCurrencyOn", preferences.isMultiCurrencyOn)
        out.close("MultiCurrencyPreferences")
        out.open("MultiLocationInventoryPreferences")
        out.leaf("IsMultiLocationInventoryAvailable", false)
        out.leaf("IsMultiLocationInventoryEnabled", false)
        out.close("MultiLocationInventoryPreferences")
        out.open("PurchasesAndVendorsPreferences")
        out.leaf("IsUsingInventory", false)
        out.leaf("DaysBillsAreDue", "10")
        out.leaf("IsAutomaticallyUsingDiscounts", false)
        out.close("PurchasesAndVendorsPreferences")
        out.open("ReportsPreferences")
        out.leaf("AgingReportBasis", "AgeFromDueDate")
        out.leaf("SummaryReportBasis", "Accrual")
        out.close("ReportsPreferences")
        out.open("SalesAndCustomersPreferences")
        out.leaf("IsTrackingReimbursedExpensesAsIncome", false)
        out.leaf("IsAutoApplyingPayments", preferences.isAutoApplyingPayments)
        out.close("SalesAndCustomersPreferences")
        out.open("TimeTrackingPreferences")
        out.leaf("FirstDayOfWeek", "Monday")
        out.close("TimeTrackingPreferences")
        out.open("CurrentAppAccessRights")
        out.leaf("IsAutomaticLoginAllowed", facts.isAutomaticLogin)
        out.leaf("IsPersonalDataAccessAllowed", false)
        out.close("CurrentAppAccessRights")
        out.open("ItemsAndInventoryPreferences")
        out.leaf("EnhancedInventoryReceivingEnabled", false)
        out.leaf("IsTrackingSerialOrLotNumber", "None")
        out.leaf("FIFOEnabled", false)
        out.close("ItemsAndInventoryPreferences")
        out.close("PreferencesRet")
    }
}
