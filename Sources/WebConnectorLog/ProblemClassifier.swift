import Triage

/// Gives each problem the log shows its help catalogue entry (issue 23: "every problem you report links to
/// its entry"), with Triage's own classifier for what QuickBooks said, so a log and a failure record
/// explain the same HRESULT or message the same way.
enum ProblemClassifier {
    /// Codes the catalogue does not list under their own number. QBWC1051 is what newer Web Connectors
    /// print for an `http://` address that is not localhost; the catalogue documents that complaint as
    /// QBWC1010 (HelpCatalogue+WebConnector.swift says why QBWC1051 has no entry of its own).
    static let aliases = ["QBWC1051": "QBWC1010"]

    /// Web Connector codes that only say "connecting to QuickBooks failed": the message QuickBooks gave
    /// with them names the real cause (an HRESULT, a dialog, single-user mode, no free licence), so that
    /// cause's entry is the better help.
    static let quickBooksConnectionCodes: Set<String> = ["QBWC1005", "QBWC1006", "QBWC1007", "QBWC1008", "QBWC1009",
                                                         "QBWC1013", "QBWC1022", "QBWC1023", "QBWC1034"]

    /// The entry for a Web Connector code the log printed, with the message around it.
    static func qbwc(_ code: String, message: String) -> HelpEntry {
        if quickBooksConnectionCodes.contains(code), let cause = quickBooksCause(hresult: nil, message: message, source: .connectionError) {
            return cause
        }
        return HelpCatalogue.entry(for: aliases[code] ?? code) ?? category(.unknown)
    }

    /// The entry for what QuickBooks reported through connectionError or receiveResponseXML, or for a
    /// line that names an HRESULT.
    static func quickBooks(hresult: String?, message: String, source: ConnectionFailureInput.Source) -> HelpEntry {
        quickBooksCause(hresult: hresult, message: message, source: source) ?? category(.unknown)
    }

    /// The entry Triage's classifier chooses: the HRESULT's own entry when the record would carry its
    /// category (a licence message under a dialog's HRESULT is single-user mode, not the dialog), else
    /// the category's. Nil when the classifier does not recognise it.
    static func quickBooksCause(hresult: String?, message: String, source: ConnectionFailureInput.Source) -> HelpEntry? {
        let draft = Classifier.classify(ConnectionFailureInput(source: source, hresult: hresult, message: message))
        guard draft.category != .unknown else { return nil }
        if let code = draft.hresult, let entry = HelpCatalogue.entry(for: code), entry.category == draft.category {
            return entry
        }
        return category(draft.category)
    }

    /// The entry of a failure category.
    static func category(_ category: FailureCategory) -> HelpEntry {
        HelpCatalogue.entry(for: category.rawValue)
            ?? HelpEntry(code: category.rawValue, kind: .category, title: category.rawValue, meaning: category.rawValue, causes: [], steps: [])
    }
}
