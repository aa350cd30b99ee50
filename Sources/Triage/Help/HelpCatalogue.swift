import Foundation

/// The catalogue of every code QBBridge explains (issue 23): each failure category it assigns, each
/// HRESULT in `HResultTable`, and each Web Connector code of Intuit's Web Connector Programmer's Guide,
/// Appendix A. It is the one source of the help pages (`/help`), the help API (`/api/v1/help`) and the
/// generated section of docs/failure-catalogue.md.
///
/// Category and HRESULT entries are built from Triage's own tables and texts (the titles, explanations and
/// steps failure records carry), so help and records cannot say different things.
public enum HelpCatalogue {
    /// Every entry: categories in `FailureCategory` order, then HRESULTs by value, then Web Connector codes.
    public static let entries: [HelpEntry] =
        FailureCategory.allCases.map(categoryEntry)
        + HResultTable.entries.keys.sorted().map { hresultEntry(HResult($0)) }
        + webConnectorEntries

    /// Entries by their code in upper case, for case-insensitive lookup.
    private static let byCode: [String: HelpEntry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.code.uppercased(), $0) })

    /// The entry for `code`, whatever its case (`qbwc1048`, `ALREADY_APPLIED`); an HRESULT may also be
    /// written as the Web Connector's log writes it (`80040414`, `-2147220460`). Nil for an unknown code.
    public static func entry(for code: String) -> HelpEntry? {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        if let entry = byCode[trimmed.uppercased()] { return entry }
        // Only a text that looks like an HRESULT is parsed as one: a bare "1048" must not become 0x00000418.
        guard trimmed.lowercased().hasPrefix("0x") || trimmed.hasPrefix("-") || trimmed.count == 8,
              let hresult = HResult(parsing: trimmed) else { return nil }
        return byCode[hresult.description.uppercased()]
    }

    /// The entries a support person's search finds: every word of `query` must appear in the entry's code,
    /// kind, category, title, meaning, causes or steps (case-insensitive). An exact code comes first.
    /// An empty query finds everything.
    public static func search(_ query: String) -> [HelpEntry] {
        // A `+` is a space too: a query string may carry either, and no code or text in the catalogue needs one.
        let words = query.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "+" }).map(String.init)
        guard !words.isEmpty else { return entries }
        let exact = entry(for: query)
        let matches = entries.filter { entry in
            entry.code != exact?.code && words.allSatisfy { searchText(entry).contains($0) }
        }
        return (exact.map { [$0] } ?? []) + matches
    }

    /// Everything a search looks at, lower-cased; a category's raw value also with spaces for underscores,
    /// so "single user" finds `single_user_mode`.
    private static func searchText(_ entry: HelpEntry) -> String {
        let category = entry.category.map { "\($0.rawValue) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" } ?? ""
        let code = entry.kind == .category ? entry.code.replacingOccurrences(of: "_", with: " ") : ""
        return ([entry.code, code, entry.kind.rawValue, entry.kind.label, category, entry.title, entry.meaning]
            + entry.causes + entry.steps).joined(separator: "\n").lowercased()
    }
}
