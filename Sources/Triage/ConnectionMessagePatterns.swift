/// A wording that identifies a connection failure when the HRESULT is missing or unknown.
struct ConnectionMessagePattern: Sendable, Equatable {
    /// Lower-case substrings; any one of them matches.
    var phrases: [String]
    /// The category they mean.
    var category: FailureCategory
    /// True when the wording wins even over a known HRESULT: no HRESULT exists for
    /// "all licenses in use", which QuickBooks is expected to report under 0x80040414 or
    /// 0x80040408 (docs/failure-catalogue.md, "Message fallbacks").
    var overridesHResult: Bool = false
}

/// The fallback wordings for connection failures, checked in order (docs/failure-catalogue.md, "Message fallbacks").
enum ConnectionMessagePatterns {
    /// The patterns; the first match wins.
    static let patterns: [ConnectionMessagePattern] = [
        ConnectionMessagePattern(
            phrases: ["maximum number of users", "all licenses", "licenses are in use", "license limit",
                      "number of licensed users", "no more licenses"],
            category: .singleUserMode, overridesHResult: true),
        ConnectionMessagePattern(phrases: ["modal dialog", "dialog box is showing"], category: .popupBlocking),
        ConnectionMessagePattern(
            phrases: ["single-user", "single user", "mode other than the one specified",
                      "another application sharing data"],
            category: .singleUserMode),
        ConnectionMessagePattern(phrases: ["could not start quickbooks"], category: .quickbooksCannotStart),
        ConnectionMessagePattern(
            phrases: ["different from the one requested", "already open and it is different"],
            category: .wrongCompanyFile),
        ConnectionMessagePattern(
            phrases: ["could not open the specified", "could not open specified",
                      "company data file name must be supplied", "no company file is open"],
            category: .companyFileUnavailable),
        ConnectionMessagePattern(
            phrases: ["has not accessed this quickbooks company data file before",
                      "does not have permission to access this quickbooks company",
                      "not allowed to log into this quickbooks company data file automatically",
                      "certificate is expired", "certificate has been revoked", "denied access",
                      "remote access is not allowed"],
            category: .applicationNotAuthorized),
        ConnectionMessagePattern(
            phrases: ["did not finish its initialization", "unable to lock the necessary information",
                      "could not access quickbooks", "ticket parameter is invalid"],
            category: .quickbooksBusy),
        ConnectionMessagePattern(phrases: ["version of qbxml that was requested"], category: .qbxmlVersionUnsupported),
        ConnectionMessagePattern(
            phrases: ["installation of quickbooks appears to be incomplete", "quickbooks is not installed"],
            category: .quickbooksNotInstalled),
        ConnectionMessagePattern(
            phrases: ["quickbooks basic cannot accept", "unregistered quickbooks", "needs to be registered"],
            category: .featureUnavailable),
        ConnectionMessagePattern(phrases: ["parsing the provided xml"], category: .invalidRequest),
        ConnectionMessagePattern(
            phrases: ["internal quickbooks error", "unexpected error"],
            category: .quickbooksInternal),
    ]

    /// The first pattern matching the normalized message.
    static func match(_ normalized: String) -> ConnectionMessagePattern? {
        let lowered = normalized.lowercased()
        return patterns.first { pattern in pattern.phrases.contains { lowered.contains($0) } }
    }
}
