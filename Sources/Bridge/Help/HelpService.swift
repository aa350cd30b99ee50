public import Triage

/// The help catalogue (issue 23) as the surfaces above Bridge use it: the web UI's `/help` pages, the
/// `/api/v1/help` operations and the `qbbridge catalogue` command. The catalogue itself is Triage's
/// `HelpCatalogue` (pure values, no store); this service is its door from the composition root, so an
/// unknown code is a `BridgeError.notFound` that every surface already maps.
public struct HelpService: Sendable {
    /// The service; it holds nothing, the catalogue is built once in Triage.
    public init() {}

    /// Every entry, or those a search for `query` finds (every word must match); nil or blank means all.
    public func entries(matching query: String?) -> [HelpEntry] {
        HelpCatalogue.search(query ?? "")
    }

    /// The entry for `code` (case-insensitive; an HRESULT in any of its written forms).
    public func entry(_ code: String) throws -> HelpEntry {
        guard let entry = HelpCatalogue.entry(for: code) else { throw BridgeError.notFound("help entry", code) }
        return entry
    }

    /// The generated Markdown section of docs/failure-catalogue.md.
    public var markdownSection: String {
        HelpCatalogueDocument.section
    }

    /// `document` with its generated section brought up to date; nil when it has no section markers.
    public func updatingMarkdown(in document: String) -> String? {
        HelpCatalogueDocument.replacingSection(in: document)
    }
}
