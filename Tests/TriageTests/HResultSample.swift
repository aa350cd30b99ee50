import Testing
import Triage

/// One HRESULT of docs/failure-catalogue.md, "HRESULTs", with the category it must get and
/// words its title and one resolution step must contain.
struct HResultSample: Sendable, CustomTestStringConvertible {
    var hresult: String
    var expected: FailureCategory
    var titleHas: String
    var stepHas: String

    var testDescription: String { "\(hresult) → \(expected.rawValue)" }

    /// Every HRESULT the two spec tables list.
    static let all: [HResultSample] = [
        HResultSample(hresult: "0x80040400", expected: .invalidRequest, titleHas: "could not read", stepHas: "Nothing needs to change in QuickBooks"),
        HResultSample(hresult: "0x80040401", expected: .quickbooksBusy, titleHas: "busy", stepHas: "tries again by itself"),
        HResultSample(hresult: "0x80040402", expected: .quickbooksInternal, titleHas: "internal error", stepHas: "qbsdklog.txt"),
        HResultSample(hresult: "0x80040403", expected: .companyFileUnavailable, titleHas: "could not be opened", stepHas: "still exists"),
        HResultSample(hresult: "0x80040406", expected: .companyFileUnavailable, titleHas: "could not be opened", stepHas: "renamed or moved"),
        HResultSample(hresult: "0x80040407", expected: .quickbooksNotInstalled, titleHas: "missing or damaged", stepHas: "Repair"),
        HResultSample(hresult: "0x80040408", expected: .quickbooksCannotStart, titleHas: "could not start", stepHas: "signed in"),
        HResultSample(hresult: "0x80040409", expected: .companyFileUnavailable, titleHas: "could not be opened", stepHas: "another version of QuickBooks"),
        HResultSample(hresult: "0x8004040A", expected: .wrongCompanyFile, titleHas: "different company file", stepHas: "File → Close Company"),
        HResultSample(hresult: "0x8004040D", expected: .quickbooksBusy, titleHas: "busy", stepHas: "tries again by itself"),
        HResultSample(hresult: "0x80040410", expected: .singleUserMode, titleHas: "single-user", stepHas: "Switch to Multi-user Mode"),
        HResultSample(hresult: "0x80040414", expected: .popupBlocking, titleHas: "pop-up", stepHas: "Close every window"),
        HResultSample(hresult: "0x80040416", expected: .companyFileUnavailable, titleHas: "could not be opened", stepHas: "without a company file"),
        HResultSample(hresult: "0x80040417", expected: .companyFileUnavailable, titleHas: "could not be opened", stepHas: "open the right company file"),
        HResultSample(hresult: "0x80040418", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "Yes, always; allow access even if QuickBooks is not running"),
        HResultSample(hresult: "0x8004041A", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "Integrated Applications"),
        HResultSample(hresult: "0x8004041B", expected: .quickbooksBusy, titleHas: "busy", stepHas: "same Windows user"),
        HResultSample(hresult: "0x8004041C", expected: .quickbooksInternal, titleHas: "internal error", stepHas: "Verify Data"),
        HResultSample(hresult: "0x8004041D", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "Allow this application to log in automatically"),
        HResultSample(hresult: "0x8004041E", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "single-user mode"),
        HResultSample(hresult: "0x8004041F", expected: .featureUnavailable, titleHas: "cannot work with", stepHas: "Pro, Premier or Enterprise"),
        HResultSample(hresult: "0x80040420", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "Properties"),
        HResultSample(hresult: "0x80040422", expected: .singleUserMode, titleHas: "single-user", stepHas: "another integrated program"),
        HResultSample(hresult: "0x80040423", expected: .qbxmlVersionUnsupported, titleHas: "too old", stepHas: "Update QuickBooks Desktop"),
        HResultSample(hresult: "0x80040424", expected: .quickbooksBusy, titleHas: "busy", stepHas: "Nothing to do now"),
        HResultSample(hresult: "0x80040426", expected: .unknown, titleHas: "could not work with QuickBooks", stepHas: "administrator"),
        HResultSample(hresult: "0x80040427", expected: .featureUnavailable, titleHas: "cannot work with", stepHas: "Register QuickBooks"),
        HResultSample(hresult: "0x8004042A", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "Integrated Applications"),
        HResultSample(hresult: "0x8004042C", expected: .applicationNotAuthorized, titleHas: "not allowed QBBridge", stepHas: "remove it"),
        HResultSample(hresult: "0x80040154", expected: .quickbooksNotInstalled, titleHas: "missing or damaged", stepHas: "installed and opens"),
        HResultSample(hresult: "0x8007007E", expected: .quickbooksNotInstalled, titleHas: "missing or damaged", stepHas: "reinstall the QuickBooks Web Connector"),
    ]
}
