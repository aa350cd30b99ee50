import Foundation
public import Domain
public import Store
import WebConnector

/// Admin operations on company connections, shared by the CLI, the JSON API and the web UI so that all
/// three validate the same way and write the same activity entries.
public struct CompanyService: Sendable {
    let store: Store
    let configuration: BridgeConfiguration
    let passwords: PasswordHasher

    /// Creates the service.
    public init(store: Store, configuration: BridgeConfiguration, passwords: PasswordHasher) {
        self.store = store
        self.configuration = configuration
        self.passwords = passwords
    }

    /// What an admin supplies to connect a company.
    public struct Creation: Sendable, Decodable {
        /// Display name.
        public var name: String?
        /// Web Connector user name.
        public var username: String?
        /// Web Connector password (typed into the Web Connector later).
        public var password: String?
        /// Minutes between runs (default 15).
        public var runEveryMinutes: Int?
        /// YYYY-MM-DD.
        public var syncStartDate: String?
        /// Read-only connection.
        public var readOnly: Bool?

        /// Creates the input.
        public init(name: String?, username: String?, password: String?, runEveryMinutes: Int? = nil, syncStartDate: String? = nil, readOnly: Bool? = nil) {
            self.name = name
            self.username = username
            self.password = password
            self.runEveryMinutes = runEveryMinutes
            self.syncStartDate = syncStartDate
            self.readOnly = readOnly
        }
    }

    /// Validates and creates a company; field errors name every problem at once.
    public func create(_ input: Creation, actor: String) async throws -> Company {
        var fields: [String: String] = [:]
        let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let username = input.username?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let password = input.password ?? ""
        if name.isEmpty { fields["name"] = "is required" } else if name.count > 60 { fields["name"] = "must be at most 60 characters" }
        if username.isEmpty {
            fields["username"] = "is required"
        } else if username.count > 64 || !username.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) {
            fields["username"] = "use 1–64 letters, digits, '.', '_', '-' or '@'"
        }
        if password.count < 8 { fields["password"] = "must be at least 8 characters" } else if password.count > 72 {
            fields["password"] = "must be at most 72 characters (bcrypt's limit)"
        }
        let minutes = input.runEveryMinutes ?? 15
        if !(1...1440).contains(minutes) { fields["runEveryMinutes"] = "must be between 1 and 1440" }
        if let date = input.syncStartDate, !Self.isDate(date) { fields["syncStartDate"] = "must be a date YYYY-MM-DD" }
        guard fields.isEmpty else { throw BridgeError.invalidInput(fields) }
        let hash = await passwords.hash(password)
        do {
            return try await store.companies.create(
                NewCompany(name: name, username: username, passwordHash: hash, runEveryMinutes: minutes,
                           syncStartDate: input.syncStartDate, readOnly: input.readOnly ?? false),
                actor: actor
            )
        } catch StoreError.conflict(let field, let value) {
            throw BridgeError.conflict("A company with \(field) \"\(value)\" already exists; choose another user name.")
        }
    }

    /// What `PATCH /companies/{id}` may change; absent fields stay as they are.
    public struct Settings: Sendable, Decodable {
        public var name: String?
        public var runEveryMinutes: Int?
        /// YYYY-MM-DD; an empty string clears it.
        public var syncStartDate: String?
        /// Queue an incremental invoice pull at every sync.
        public var pullInvoicesEverySync: Bool?
        /// The deposit report's settings (replaces the stored ones; missing fields take their defaults).
        public var depositSettings: DepositSettings?

        /// Creates the input.
        public init(name: String? = nil, runEveryMinutes: Int? = nil, syncStartDate: String? = nil, pullInvoicesEverySync: Bool? = nil,
                    depositSettings: DepositSettings? = nil) {
            self.name = name
            self.runEveryMinutes = runEveryMinutes
            self.syncStartDate = syncStartDate
            self.pullInvoicesEverySync = pullInvoicesEverySync
            self.depositSettings = depositSettings
        }
    }

    /// Changes a company's settings; field errors name every problem at once.
    public func update(_ id: CompanyID, _ settings: Settings, actor: String) async throws -> Company {
        guard try await store.companies.find(id) != nil else { throw BridgeError.notFound("company", id.rawValue) }
        var fields: [String: String] = [:]
        let name = settings.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty || name.count > 60 { fields["name"] = "must be 1–60 characters" }
        if let minutes = settings.runEveryMinutes, !(1...1440).contains(minutes) { fields["runEveryMinutes"] = "must be between 1 and 1440" }
        var start: String?? = nil
        if let date = settings.syncStartDate {
            if date.isEmpty { start = .some(nil) } else if Self.isDate(date) { start = .some(date) } else { fields["syncStartDate"] = "must be a date YYYY-MM-DD, or \"\" to clear it" }
        }
        if let deposit = settings.depositSettings { fields.merge(deposit.problems) { first, _ in first } }
        guard fields.isEmpty else { throw BridgeError.invalidInput(fields) }
        return try await store.companies.update(id, name: name, runEveryMinutes: settings.runEveryMinutes, syncStartDate: start,
                                                pullInvoicesEverySync: settings.pullInvoicesEverySync,
                                                depositSettings: settings.depositSettings.map { .some($0.json) }, actor: actor)
    }

    /// Sets a new Web Connector password.
    public func rotatePassword(_ id: CompanyID, to password: String, actor: String) async throws -> Company {
        guard (8...72).contains(password.count) else {
            throw BridgeError.invalidInput(["password": "must be 8–72 characters"])
        }
        guard try await store.companies.find(id) != nil else { throw BridgeError.notFound("company", id.rawValue) }
        return try await store.companies.update(id, passwordHash: await passwords.hash(password), actor: actor)
    }

    /// The company or a not-found error.
    public func company(_ id: CompanyID) async throws -> Company {
        guard let company = try await store.companies.find(id) else { throw BridgeError.notFound("company", id.rawValue) }
        return company
    }

    /// The `.qwc` file for a company, or the reason none can be made.
    public func qwcFile(for id: CompanyID) async throws -> (filename: String, contents: String) {
        let company = try await company(id)
        let base = configuration.publicURL.hasSuffix("/") ? String(configuration.publicURL.dropLast()) : configuration.publicURL
        let description = String("QBBridge sync for \(company.name)".prefix(QWCFile.maximumDescriptionLength))
        let file = QWCFile(
            appName: "QBBridge - \(company.name)",
            appUniqueName: "QBBridge-\(company.id.rawValue)",
            appURL: base + "/qbwc",
            appSupport: base + "/support",
            appDescription: description,
            userName: company.username,
            ownerID: try await store.installation.ownerID(),
            fileID: company.fileID,
            runEveryMinutes: company.runEveryMinutes,
            isReadOnly: company.readOnly
        )
        do {
            return (Self.filename(for: company), try file.rendered())
        } catch {
            throw BridgeError.cannotMakeQWC(error.description)
        }
    }

    static func filename(for company: Company) -> String {
        let safe = company.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let collapsed = String(safe).split(separator: "-").joined(separator: "-")
        return (collapsed.isEmpty ? "company" : String(collapsed.prefix(40))) + ".qwc"
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: components) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }
}
