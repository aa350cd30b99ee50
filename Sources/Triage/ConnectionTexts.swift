/// Titles and opening sentences of connection failures, one per category.
enum ConnectionTexts {
    /// The headline for a connection failure of `category`.
    static func title(for category: FailureCategory) -> String {
        switch category {
        case .popupBlocking: "A QuickBooks pop-up is blocking the Web Connector"
        case .quickbooksCannotStart: "The Web Connector could not start QuickBooks"
        case .singleUserMode: "QuickBooks is in single-user mode or out of licenses"
        case .wrongCompanyFile: "QuickBooks has a different company file open"
        case .companyFileUnavailable: "The company file could not be opened"
        case .applicationNotAuthorized: "QuickBooks has not allowed QBBridge into this company file"
        case .quickbooksBusy: "QuickBooks was busy"
        case .qbxmlVersionUnsupported: "This QuickBooks is too old for the requests QBBridge sends"
        case .quickbooksNotInstalled: "QuickBooks is missing or damaged on the Web Connector's computer"
        case .authenticationFailed: "The Web Connector's password was not accepted"
        case .clientVersionOutdated: "The Web Connector needs an update"
        case .notSyncing: "The Web Connector has stopped syncing"
        case .invalidRequest: "QuickBooks could not read QBBridge's requests"
        case .featureUnavailable: "This QuickBooks cannot work with the Web Connector"
        case .quickbooksInternal: "QuickBooks had an internal error"
        case .alreadyApplied, .amountChanged, .invoiceMissing, .customerMissing, .referenceMissing,
             .duplicateName, .editSequenceStale, .recordLocked, .notProcessed, .permissionDenied, .unknown, .mappingConflict,
             .periodClosed, .creditLimitExceeded, .subscriptionRequired:
            "The Web Connector could not work with QuickBooks"
        }
    }

    /// The general sentence for `category` when the HRESULT is unknown to the table.
    static func explanation(for category: FailureCategory) -> String {
        switch category {
        case .popupBlocking: "A QuickBooks window is waiting for someone to click it, and while it is open no other program can use QuickBooks."
        case .quickbooksCannotStart: "The Web Connector could not start QuickBooks in the background."
        case .singleUserMode: "QuickBooks turned the Web Connector away because the company file is open in single-user mode, another program has it to itself, or all QuickBooks licenses are in use."
        case .wrongCompanyFile: "QuickBooks has another company file open than the one this connection uses."
        case .companyFileUnavailable: "QuickBooks could not open the company file."
        case .applicationNotAuthorized: "QuickBooks has not allowed QBBridge into this company file, or the permission was removed."
        case .quickbooksBusy: "QuickBooks was starting up or busy for a moment."
        case .qbxmlVersionUnsupported: "QBBridge asked for a qbXML version newer than this QuickBooks understands."
        case .quickbooksNotInstalled: "QuickBooks or its integration components are missing or damaged on that computer."
        case .invalidRequest: "QuickBooks could not read the request set QBBridge sent."
        case .featureUnavailable: "This copy of QuickBooks cannot exchange data with other programs."
        case .quickbooksInternal: "QuickBooks failed internally while opening the session."
        case .authenticationFailed, .clientVersionOutdated, .notSyncing, .alreadyApplied, .amountChanged,
             .invoiceMissing, .customerMissing, .referenceMissing, .duplicateName, .editSequenceStale,
             .recordLocked, .notProcessed, .permissionDenied, .unknown, .mappingConflict,
             .periodClosed, .creditLimitExceeded, .subscriptionRequired:
            "The Web Connector could not open a session with QuickBooks, for a reason QBBridge does not recognize."
        }
    }
}
