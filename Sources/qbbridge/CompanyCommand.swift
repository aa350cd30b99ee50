import ArgumentParser
import Bridge
import Foundation
import Domain
import Store

/// `qbbridge company add|list|show`.
struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company", abstract: "Manage company connections.", subcommands: [Add.self, List.self, Show.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Connect a QuickBooks company file.")

        @Option(help: "Display name, e.g. \"Acme Plumbing\".") var name: String
        @Option(help: "Web Connector user name (unique).") var username: String
        @Option(help: "Web Connector password (8–72 characters). Prefer --password-stdin.") var password: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @Option(help: "Minutes between Web Connector runs (1–1440).") var runEveryMinutes: Int = 15
        @Option(help: "Ignore payments and invoices dated before this day (YYYY-MM-DD).") var syncStartDate: String?
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            var secret = password
            if passwordStdin { secret = readLine(strippingNewline: true) }
            guard let secret else { throw ValidationError("Give the Web Connector password with --password or --password-stdin.") }
            let logger = try loggingOptions.makeLogger()
            let input = CompanyService.Creation(name: name, username: username, password: secret, runEveryMinutes: runEveryMinutes,
                                                syncStartDate: syncStartDate)
            let company = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await CompanyService(store: store, configuration: BridgeConfiguration(), passwords: PasswordHasher(cost: 11))
                    .create(input, actor: "cli")
            }
            print("Created company \"\(company.name)\" (Web Connector user \(company.username)).")
            print("Download its .qwc with: qbbridge qwc \(company.id) > \(company.username).qwc")
            print(company.id)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List company connections.")
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let logger = try loggingOptions.makeLogger()
            let companies = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await store.companies.all()
            }
            if companies.isEmpty {
                print("No companies yet. Add one with: qbbridge company add --name NAME --username USER --password-stdin")
                return
            }
            for company in companies {
                let sync = company.lastSyncAt?.iso8601 ?? "never"
                print("\(company.id)  \(company.username)  \(company.name)  last sync: \(sync)\(company.connectionProblem.map { "  problem: \($0)" } ?? "")")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one company connection.")
        @Argument(help: "Company id or Web Connector user name.") var company: String
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let logger = try loggingOptions.makeLogger()
            let key = company
            let found = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await CompanyLookup.find(key, in: store)
            }
            let info = found.quickBooks
            print("""
            Company:          \(found.name)
            Id:               \(found.id)
            Web Connector:    user \(found.username), every \(found.runEveryMinutes) min\(found.readOnly ? ", read-only" : "")
            FileID:           \(found.fileID)
            Sync start date:  \(found.syncStartDate ?? "none")
            QuickBooks:       \(info.product ?? "not reported yet")\(info.version.map { " (\($0))" } ?? "")
            qbXML:            \(info.qbxmlVersion ?? "not negotiated yet")\(info.country.map { ", \($0)" } ?? "")
            Company file:     \(info.companyFile ?? "unknown")\(info.fileVerifiedAt != nil ? " (verified)" : "")
            Last sync:        \(found.lastSyncAt?.iso8601 ?? "never")
            Last session:     \(found.lastSessionSummary ?? "none")
            Problem:          \(found.connectionProblem ?? "none")
            """)
        }
    }
}

/// Finds a company by id or Web Connector user name, with a message that says what exists.
enum CompanyLookup {
    static func find(_ key: String, in store: Store) async throws -> Company {
        if UUID(uuidString: key) != nil, let company = try await store.companies.find(CompanyID(key.lowercased())) { return company }
        if let (company, _) = try await store.companies.credentials(username: key) { return company }
        throw ValidationError("No company with id or user name \"\(key)\". List them with 'qbbridge company list'.")
    }
}
