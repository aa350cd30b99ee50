import Foundation
import Testing
import Triage
import QBBridgeTesting

@Suite("Connection failures", .tagFilter)
struct ConnectionTests {
    @Test(
        "without a known HRESULT the message decides",
        arguments: [
            ("A modal dialog box is showing in the QuickBooks user interface.", FailureCategory.popupBlocking),
            ("Could not start QuickBooks.", .quickbooksCannotStart),
            ("The company file is open in single-user mode by Admin.", .singleUserMode),
            ("You have reached the maximum number of users for this license.", .singleUserMode),
            ("All licenses are in use.", .singleUserMode),
            ("QuickBooks company data file is already open and it is different from the one requested.", .wrongCompanyFile),
            ("Could not open the specified QuickBooks company data file.", .companyFileUnavailable),
            ("The QuickBooks user has denied access.", .applicationNotAuthorized),
            ("QuickBooks did not finish its initialization. Please try again later.", .quickbooksBusy),
            ("The version of qbXML that was requested is not supported or is unknown.", .qbxmlVersionUnsupported),
            ("The installation of QuickBooks appears to be incomplete. Please reinstall QuickBooks.", .quickbooksNotInstalled),
            ("QuickBooks found an error when parsing the provided XML text stream.", .invalidRequest),
            ("Something nobody has seen before.", .unknown),
        ])
    func messageFallback(_ message: String, _ expected: FailureCategory) {
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: nil, message: message))
        #expect(draft.category == expected)
        #expect(draft.hresult == nil)
    }

    @Test("an unknown HRESULT falls back to the message and keeps the HRESULT")
    func unknownHResultWithKnownMessage() {
        let draft = Classifier.classify(ConnectionFailureInput(
            source: .connectionError, hresult: "0x80049999", message: "File is open in Single-User mode"))
        #expect(draft.category == .singleUserMode)
        #expect(draft.hresult == "0x80049999")
    }

    @Test("a license message wins over the HRESULT QuickBooks reports it under")
    func licensesOverrideHResult() {
        let draft = Classifier.classify(ConnectionFailureInput(
            source: .connectionError, hresult: "0x80040408",
            message: "Could not start QuickBooks: all licenses are in use (maximum number of users reached)."))
        #expect(draft.category == .singleUserMode)
        #expect(draft.hresult == "0x80040408")
        #expect(draft.resolution.contains { $0.contains("licenses are in use") })
    }

    @Test("an HRESULT written inside the message is found (Conductor's error object)")
    func hresultInsideMessage() {
        let draft = Classifier.classify(ConnectionFailureInput(
            source: .connectionError, hresult: nil,
            message: "QBD Connection Error (0x80040420): The QuickBooks user has denied access."))
        #expect(draft.category == .applicationNotAuthorized)
        #expect(draft.hresult == "0x80040420")
        #expect(draft.resolution.contains { $0.contains("Edit → Preferences → Integrated Applications → Company Preferences") })
    }

    @Test("the company file path is named in the steps")
    func namesCompanyFile() {
        let draft = Classifier.classify(ConnectionFailureInput(
            source: .connectionError, hresult: "0x80040403", message: nil,
            companyFilePath: #"C:\Company\Acme.qbw"#))
        #expect(draft.resolution[0].contains(#"C:\Company\Acme.qbw"#))
        #expect(draft.evidence.companyFilePath == #"C:\Company\Acme.qbw"#)
    }

    @Test("a refused Web Connector password names the user and how to re-enter it")
    func authenticationFailed() {
        let draft = Classifier.classify(.authenticationFailed(userName: "acme-sync"))
        #expect(draft.category == .authenticationFailed)
        #expect(draft.summary.contains("“acme-sync”"))
        #expect(draft.resolution[0].contains("Password"))
        #expect(draft.actions == [.dismiss, .delete])
        #expect(draft.evidence.userName == "acme-sync")
    }

    @Test("an old Web Connector names both versions")
    func clientVersionOutdated() {
        let draft = Classifier.classify(.clientVersionOutdated(version: "2.1.0.30", minimum: "2.2.0.71"))
        #expect(draft.category == .clientVersionOutdated)
        #expect(draft.summary.contains("2.1.0.30"))
        #expect(draft.summary.contains("2.2.0.71 or newer"))
        #expect(draft.resolution[0].contains("Download the current QuickBooks Web Connector"))
    }

    @Test("not syncing says how long it has been silent and against which schedule")
    func notSyncing() {
        let last = Date(timeIntervalSince1970: 1_795_010_700) // 2026-11-18 14:05 UTC
        let now = last.addingTimeInterval(3 * 3600 + 10 * 60)
        let draft = Classifier.classify(.notSyncing(lastSessionAt: last, now: now, runEveryMinutes: 15))
        #expect(draft.category == .notSyncing)
        #expect(draft.summary.contains("for 3 hours 10 minutes"))
        #expect(draft.summary.contains("2026-11-18 14:05 UTC"))
        #expect(draft.summary.contains("every 15 minutes"))
        #expect(draft.evidence.minutesSinceLastSession == 190)
        #expect(draft.evidence.lastSessionAt == "2026-11-18T14:05:00Z")
        #expect(draft.resolution[0].contains("signed in"))
    }

    @Test("a company that never connected is told to add the .qwc file")
    func neverConnected() {
        let draft = Classifier.classify(.notSyncing(lastSessionAt: nil, now: Date(), runEveryMinutes: 60))
        #expect(draft.summary.contains("never connected"))
        #expect(draft.resolution[0].contains(".qwc"))
    }

    @Test("a sync is overdue after three missed runs, and never before an hour")
    func syncOverdue() {
        let last = Date(timeIntervalSince1970: 1_795_010_700)
        #expect(Classifier.isSyncOverdue(lastSessionAt: last, now: last.addingTimeInterval(61 * 60), runEveryMinutes: 15))
        #expect(!Classifier.isSyncOverdue(lastSessionAt: last, now: last.addingTimeInterval(59 * 60), runEveryMinutes: 15))
        #expect(!Classifier.isSyncOverdue(lastSessionAt: last, now: last.addingTimeInterval(179 * 60), runEveryMinutes: 60))
        #expect(Classifier.isSyncOverdue(lastSessionAt: last, now: last.addingTimeInterval(181 * 60), runEveryMinutes: 60))
    }
}
