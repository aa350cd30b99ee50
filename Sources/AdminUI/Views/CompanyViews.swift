import Domain

/// The companies list.
struct CompanyListView {
    struct Row {
        var href: String
        var name: String
        var username: String
        var runEvery: String
        var lastSync: String
        var problem: String?
        var connectionText: String
    }

    var chrome: Chrome
    var rows: [Row]
    var hasRows: Bool

    init(chrome: Chrome, companies: [Company]) {
        self.chrome = chrome
        rows = companies.map { company in
            Row(href: "/companies/\(company.id.rawValue)", name: company.name, username: company.username,
                runEvery: "\(company.runEveryMinutes) min", lastSync: UIFormat.timeAndAge(company.lastSyncAt),
                problem: company.connectionProblem, connectionText: company.lastSyncAt == nil ? "Not connected yet" : "OK")
        }
        hasRows = !rows.isEmpty
    }
}

/// The "add a company" form, refilled after a refusal (never with the password).
struct CompanyFormView {
    var chrome: Chrome
    var name = ""
    var username = ""
    var runEveryMinutes = "15"
    var syncStartDate = ""
    var errorSummary: String?
    var nameError: String?
    var usernameError: String?
    var passwordError: String?
    var runError: String?
    var dateError: String?
}

/// One company: details, setup steps, the .qwc download and its settings forms.
struct CompanyView {
    var chrome: Chrome
    var id: String
    var href: String
    var name: String
    var username: String
    var problem: String?
    var connectionText: String
    var details: [PairView]
    var runEveryMinutes: String
    var syncStartDate: String
    var runError: String?
    var dateError: String?
    var passwordError: String?
    /// What pulls stored, set by the page route.
    var data: CompanyDataView?
    /// The "pull changed invoices at every sync" switch.
    var pullEverySync: Bool
    /// The Web Connector log upload, with "attach to this company".
    var upload: QWCLogUploadView
    /// The logs attached to the company, set by the page route.
    var attachments: [AttachmentRow] = [] {
        didSet { hasAttachments = !attachments.isEmpty }
    }
    /// Stored, not computed: templates see only stored properties.
    var hasAttachments = false

    /// One attached Web Connector log.
    struct AttachmentRow {
        var href: String
        var attached: String
        var actor: String
        var summary: String
        var size: String
    }

    init(_ company: Company, chrome: Chrome) {
        self.chrome = chrome
        id = company.id.rawValue
        href = "/companies/\(company.id.rawValue)"
        name = company.name
        username = company.username
        problem = company.connectionProblem
        connectionText = company.lastSyncAt.map { "Last sync \(UIFormat.time($0)) (\(UIFormat.ago($0)))" } ?? "Not connected yet"
        runEveryMinutes = String(company.runEveryMinutes)
        syncStartDate = company.syncStartDate ?? ""
        pullEverySync = company.pullInvoicesEverySync
        upload = QWCLogUploadView(csrf: chrome.csrf, company: company)
        var details = [
            PairView(label: "Web Connector user", value: company.username),
            PairView(label: "Runs every", value: "\(company.runEveryMinutes) minutes"),
            PairView(label: "Sync start date", value: company.syncStartDate ?? "none (everything)"),
            PairView(label: "Invoice pull at every sync", value: company.pullInvoicesEverySync ? "yes" : "no"),
            PairView(label: "FileID", value: company.fileID),
            PairView(label: "Access", value: company.readOnly ? "read only" : "read and write"),
            PairView(label: "Created", value: UIFormat.time(company.createdAt)),
            PairView(label: "Last session", value: UIFormat.timeAndAge(company.lastSessionAt)),
        ]
        if let summary = company.lastSessionSummary { details.append(PairView(label: "Last session said", value: summary)) }
        let info = company.quickBooks
        if let product = info.product { details.append(PairView(label: "QuickBooks", value: [product, info.version].compactMap { $0 }.joined(separator: " "))) }
        if let file = info.companyFile { details.append(PairView(label: "Company file", value: file)) }
        details.append(PairView(label: "FileID stamp", value: Self.stampText(info.fileStamp)))
        if let version = info.qbxmlVersion { details.append(PairView(label: "qbXML version", value: version)) }
        self.details = details
        runError = nil
        dateError = nil
        passwordError = nil
    }
}

extension CompanyView {
    /// The company page's words for the company-file check's finding.
    static func stampText(_ stamp: CompanyFileStamp) -> String {
        switch stamp {
        case .unchecked: "not checked yet"
        case .verified: "verified"
        case .notStamped: "not stamped (the company file carries no FileID of this connection; re-add the .qwc to stamp it)"
        }
    }
}
