/// Resolution steps for connection failures, following the support advice of docs/failure-catalogue.md, "Connection categories".
enum ConnectionSteps {
    /// The last step of most connection fixes: run the Web Connector once by hand.
    static let updateSelected = "In the Web Connector, select QBBridge and click Update Selected to check that it connects."

    /// The Integrated Applications path, where QBBridge's access and automatic login are set.
    static let integratedApplications = "Edit → Preferences → Integrated Applications → Company Preferences"

    /// For QuickBooks-side internal failures (1000, 0x80040402, 0x8004041C).
    static let internalError = [
        "Nothing to do yet: QBBridge tries once more by itself.",
        "If it fails again, run File → Utilities → Verify Data in QuickBooks and fix what it reports (File → Utilities → Rebuild Data).",
        "Send the file C:\\ProgramData\\Intuit\\QuickBooks\\qbsdklog.txt from the QuickBooks computer to your QBBridge administrator.",
    ]

    /// The steps for a connection category.
    static func steps(for category: FailureCategory, companyFilePath: String?) -> [String] {
        let file = companyFilePath.map { "the company file \($0)" } ?? "the company file"
        switch category {
        case .popupBlocking:
            return [
                "On the computer that runs the Web Connector, sign in to Windows as the user the Web Connector runs under and open QuickBooks with \(file).",
                "Close every window QuickBooks shows (update available, backup reminder, password expiry, company file in use…).",
                "Stop the reminders from coming back: turn off automatic update notices (Help → Update QuickBooks Desktop → Options) and the backup reminder (File → Back Up Company → Create Local Backup → Options).",
                updateSelected,
            ]
        case .quickbooksCannotStart:
            return [
                "Keep the Windows user that runs the Web Connector signed in, and set Windows not to sleep or sign out: the Web Connector only works inside a signed-in session.",
                "Make sure QuickBooks is not already open under another Windows user, and that QuickBooks and the Web Connector run the same way (both or neither with “Run as administrator”). Close leftover QuickBooks processes (QBW32.exe or QBW.exe) in Task Manager.",
                "In QuickBooks, as Admin: \(integratedApplications) → select QBBridge → Properties → check “Allow this application to log in automatically” and choose the login user, so the Web Connector can open QuickBooks when nobody is using it.",
                "If \(file) was renamed or moved, open it once in QuickBooks from its new place.",
                "Open QuickBooks by hand on that computer to see whether a pop-up is waiting, close it, then click Update Selected in the Web Connector.",
            ]
        case .singleUserMode:
            return [
                "If someone has \(file) open in single-user mode (admin-only work such as Verify Data), ask them to finish and choose File → Switch to Multi-user Mode, or close the file.",
                "If all QuickBooks licenses are in use, ask one user to close QuickBooks so the Web Connector can use a license, or schedule the Web Connector for times when fewer people work in QuickBooks.",
                "If another integrated program is holding the file, let it finish or close it.",
                updateSelected,
            ]
        case .wrongCompanyFile:
            return [
                "In QuickBooks on the Web Connector's computer, close the other company file (File → Close Company) and open \(file).",
                "If the open file is the one QBBridge should use, check that it is the same company: each QBBridge connection belongs to one company file.",
                updateSelected,
            ]
        case .companyFileUnavailable:
            return [
                "Check that \(file) still exists at that place and that the Windows user running the Web Connector can open it (network share reachable, drive mapped).",
                "If it was renamed or moved, open it in QuickBooks from its new place, then in the Web Connector remove QBBridge and add it again with the .qwc file from QBBridge while that file is open.",
                "If QuickBooks is open without a company file, open the right company file and leave it open, or allow QBBridge to log in automatically (\(integratedApplications)).",
                "If QuickBooks says the file needs another version of QuickBooks, open it with the version it was last used with.",
                updateSelected,
            ]
        case .applicationNotAuthorized:
            return [
                "Sign in to QuickBooks as Admin and open the company file in single-user mode (File → Switch to Single-user Mode).",
                "Go to \(integratedApplications).",
                "If QBBridge is listed, select it, click Properties, check “Allow this application to read and modify this company file” and “Allow this application to log in automatically”, choose the QuickBooks user it logs in as, and click OK.",
                "If QBBridge is not listed or its entry is broken, remove it, then click Update Selected in the Web Connector while QuickBooks is open; when QuickBooks asks, choose “Yes, always; allow access even if QuickBooks is not running” and pick the login user.",
                "Switch back to multi-user mode (File → Switch to Multi-user Mode) and click Update Selected in the Web Connector.",
            ]
        case .quickbooksBusy:
            return [
                "Nothing to do now: QBBridge tries again by itself.",
                "If it keeps happening, check that QuickBooks is not busy with a long report, a backup or another integration at the times the Web Connector runs, and that QuickBooks and the Web Connector run under the same Windows user.",
            ]
        case .qbxmlVersionUnsupported:
            return [
                "Update QuickBooks Desktop on the Web Connector's computer (Help → Update QuickBooks Desktop): QBBridge asked for a version this QuickBooks does not understand.",
                "Tell your QBBridge administrator the QuickBooks version (press F2 in QuickBooks to see it).",
                updateSelected,
            ]
        case .quickbooksNotInstalled:
            return [
                "On the computer that runs the Web Connector, check that QuickBooks Desktop is installed and opens.",
                "If it is installed, repair it: Control Panel → Programs and Features → QuickBooks → Uninstall/Change → Repair.",
                "If the error continues, reinstall the QuickBooks Web Connector.",
                updateSelected,
            ]
        case .authenticationFailed:
            return [
                "In the Web Connector, find QBBridge, click its Password field, type the password set for this company in QBBridge and press Enter; answer Yes to save it.",
                "If nobody knows the password, an administrator sets a new one for this company in QBBridge, and you type the same one in the Web Connector.",
                "Make sure the Web Connector uses the current .qwc file for this company: its user name must match the company's in QBBridge.",
                updateSelected,
            ]
        case .clientVersionOutdated:
            return [
                "Download the current QuickBooks Web Connector from Intuit and install it on the computer that runs QuickBooks.",
                "Start it again and click Update Selected for QBBridge.",
            ]
        case .notSyncing:
            return [
                "On the QuickBooks computer, check that Windows is signed in as the Web Connector's user and is not asleep or signed out: the Web Connector only runs inside a signed-in session.",
                "Check that the Web Connector is running (its icon in the notification area) and that Auto-Run is checked for QBBridge with the expected Every_Min.",
                "Check that the computer can reach QBBridge's address (open it in a browser there).",
                "Click Update Selected in the Web Connector and look at the status it shows.",
            ]
        case .quickbooksInternal:
            return internalError
        case .alreadyApplied, .amountChanged, .invoiceMissing, .customerMissing, .referenceMissing,
             .duplicateName, .editSequenceStale, .recordLocked, .notProcessed, .invalidRequest,
             .featureUnavailable, .permissionDenied, .unknown, .mappingConflict, .periodClosed,
             .creditLimitExceeded, .subscriptionRequired:
            return [
                "Note the HRESULT and message shown here.",
                "Open QuickBooks on the Web Connector's computer and check that it opens the company file without any question or error.",
                updateSelected,
                "If it still fails, send the HRESULT and message to your QBBridge administrator.",
            ]
        }
    }
}
