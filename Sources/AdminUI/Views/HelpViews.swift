import Triage

/// The help catalogue page: the search form and the entries it found, grouped by kind, each with its meaning
/// so that no code is shown bare.
struct HelpListView {
    struct Row {
        var href: String
        var code: String
        var title: String
        var meaning: String
    }

    struct Group {
        var heading: String
        var count: Int
        var rows: [Row]
    }

    var chrome: Chrome
    var query: String
    var searched: Bool
    var count: Int
    var groups: [Group]
    var hasResults: Bool
    /// The Web Connector log upload, for a signed-in viewer only (the reader is not public).
    var upload: QWCLogUploadView?

    init(chrome: Chrome, query: String?, entries: [HelpEntry]) {
        self.chrome = chrome
        upload = chrome.user == nil ? nil : QWCLogUploadView(csrf: chrome.csrf)
        self.query = query ?? ""
        searched = query != nil
        count = entries.count
        groups = HelpEntry.Kind.allCases.compactMap { kind in
            let rows = entries.filter { $0.kind == kind }.map {
                Row(href: HelpEntryView.href($0.code), code: $0.code, title: $0.title, meaning: $0.meaning)
            }
            return rows.isEmpty ? nil : Group(heading: HelpEntryView.groupHeading(kind), count: rows.count, rows: rows)
        }
        hasResults = !entries.isEmpty
    }
}

/// One help entry: the code with its meaning, the usual causes, the numbered steps and, for a code QBBridge
/// records under a category, the link to that category's entry.
struct HelpEntryView {
    struct CategoryLink {
        var href: String
        var code: String
        var title: String
    }

    var chrome: Chrome
    var code: String
    var kind: String
    var title: String
    var meaning: String
    var causes: [String]
    var steps: [String]
    var category: CategoryLink?
    /// For a category: the failures list filtered to it (it asks for sign-in when needed).
    var failuresHref: String?

    init(_ entry: HelpEntry, chrome: Chrome) {
        self.chrome = chrome
        code = entry.code
        kind = entry.kind.label
        title = entry.title
        meaning = entry.meaning
        causes = entry.causes
        steps = entry.steps
        category = entry.category.flatMap { category in
            HelpCatalogue.entry(for: category.rawValue).map { CategoryLink(href: Self.href($0.code), code: $0.code, title: $0.title) }
        }
        failuresHref = entry.kind == .category ? "/failures?category=\(entry.code)&status=open" : nil
    }

    /// The page of a code.
    static func href(_ code: String) -> String {
        "/help/\(code)"
    }

    /// The heading of a kind's group on the list.
    static func groupHeading(_ kind: HelpEntry.Kind) -> String {
        switch kind {
        case .category: "QBBridge failure categories"
        case .hresult: "QuickBooks error codes (HRESULTs)"
        case .qbwc: "Web Connector codes (QBWC)"
        }
    }
}
