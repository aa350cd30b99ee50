import Foundation

/// The catalogue as Markdown, for the generated section of docs/failure-catalogue.md.
///
/// The section sits between two markers so the hand-written text around it stays; `qbbridge catalogue
/// --update docs/failure-catalogue.md` rewrites only what is between them, and a test fails when the file
/// and the catalogue differ.
public enum HelpCatalogueDocument {
    /// The line that opens the generated section.
    public static let beginMarker = "<!-- BEGIN GENERATED: the help catalogue (qbbridge catalogue --update docs/failure-catalogue.md); do not edit by hand -->"
    /// The line that closes it.
    public static let endMarker = "<!-- END GENERATED: the help catalogue -->"

    /// The generated section, markers included.
    public static var section: String {
        var lines = [beginMarker, ""]
        for kind in HelpEntry.Kind.allCases {
            let entries = HelpCatalogue.entries.filter { $0.kind == kind }
            lines.append("### \(heading(kind)) (\(entries.count))")
            lines.append("")
            for entry in entries {
                lines.append(contentsOf: markdown(entry))
            }
        }
        lines.append(endMarker)
        return lines.joined(separator: "\n")
    }

    /// `document` with its generated section replaced by the current one; nil when it has no section.
    public static func replacingSection(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker),
              let end = document.range(of: endMarker, range: begin.upperBound..<document.endIndex) else { return nil }
        return document.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: section)
    }

    /// The generated section as it stands in `document`, markers included; nil when it has none.
    public static func currentSection(in document: String) -> String? {
        guard let begin = document.range(of: beginMarker),
              let end = document.range(of: endMarker, range: begin.upperBound..<document.endIndex) else { return nil }
        return String(document[begin.lowerBound..<end.upperBound])
    }

    private static func heading(_ kind: HelpEntry.Kind) -> String {
        switch kind {
        case .category: "Failure categories"
        case .hresult: "QuickBooks HRESULTs"
        case .qbwc: "Web Connector codes"
        }
    }

    private static func markdown(_ entry: HelpEntry) -> [String] {
        var lines = ["#### `\(entry.code)`: \(entry.title)", ""]
        var meaning = entry.meaning
        if let category = entry.category { meaning += " Recorded as `\(category.rawValue)`." }
        lines.append(meaning)
        lines.append("")
        lines.append("Usual causes:")
        lines.append("")
        lines.append(contentsOf: entry.causes.map { "- \($0)" })
        lines.append("")
        lines.append("Steps:")
        lines.append("")
        lines.append(contentsOf: entry.steps.enumerated().map { "\($0.offset + 1). \($0.element)" })
        lines.append("")
        return lines
    }
}
