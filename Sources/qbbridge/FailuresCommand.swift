import ArgumentParser
import Bridge
import Foundation
import Domain
import Store

/// `qbbridge failures list|show|retry|dismiss|delete|report`.
struct FailuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failures", abstract: "Read and act on failure records.",
        subcommands: [List.self, Show.self, Retry.self, Dismiss.self, Delete.self, Report.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List failure records (open ones by default).")
        @Option(help: "Company id or Web Connector user name.") var company: String?
        @Option(help: "open, resolved, dismissed, deleted or all.") var status: String = "open"
        @Option(help: "Only this category.") var category: String?
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let statuses: [FailureStatus]
            if status == "all" { statuses = [] } else {
                guard let parsed = FailureStatus(rawValue: status) else { throw ValidationError("--status must be open, resolved, dismissed, deleted or all.") }
                statuses = [parsed]
            }
            let key = company, category = self.category
            let records = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
                let store = Store(database: database)
                try await store.migrate()
                var companyID: CompanyID?
                if let key { companyID = try await CompanyLookup.find(key, in: store).id }
                return try await store.failures.list(companyID: companyID, statuses: statuses, category: category, includeDeleted: status == "all", limit: 1000)
            }
            if records.isEmpty { print("No \(status == "all" ? "" : status + " ")failures.") }
            for record in records {
                print("\(record.id)  \(record.status.rawValue)  \(record.category.rawValue)  \(record.title)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a failure record with its evidence and the steps that fix it.")
        @Argument(help: "Failure id.") var id: String
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let id = FailureID(self.id.lowercased())
            let record = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
                let store = Store(database: database)
                try await store.migrate()
                do { return try await FailureService(store: store).failure(id) } catch let error as BridgeError { throw ValidationError(error.description) }
            }
            let steps = record.resolution
            print("""
            \(record.title)
            Category: \(record.category.rawValue)   Status: \(record.status.rawValue)\(record.autoRecheck && record.status == .open ? "   (re-checked automatically)" : "")
            \(record.summary)
            """)
            if let code = record.statusCode { print("QuickBooks said: \(code) \(record.statusMessage ?? "")") }
            if let hresult = record.hresult { print("HRESULT: \(hresult)") }
            print("What to do:")
            for (number, step) in steps.enumerated() { print("  \(number + 1). \(step)") }
            print("Actions: \(record.availableActions.map(\.rawValue).joined(separator: ", "))")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print("Evidence: \(String(decoding: try encoder.encode(record.evidence), as: UTF8.self))")
        }
    }

    /// Shared by `retry`, `dismiss` and `delete`.
    struct ActionOptions: ParsableArguments {
        @Argument(help: "Failure id.") var id: String
        @Option(help: "Why (required to dismiss).") var reason: String?
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func perform(_ action: FailureService.Action) async throws {
            let id = FailureID(self.id.lowercased()), reason = self.reason
            let record = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
                let store = Store(database: database)
                try await store.migrate()
                do {
                    return try await FailureService(store: store).perform(action, on: id, reason: reason, actor: "cli")
                } catch let error as BridgeError {
                    throw ValidationError(error.description)
                }
            }
            print("Failure \(record.id) is now \(record.status.rawValue)\(action == .retry ? "; its job is queued for the next sync" : "").")
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Re-queue the failure's job now.")
        @OptionGroup var options: ActionOptions
        func run() async throws { try await options.perform(.retry) }
    }

    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Dismiss syncing: the job is never sent (give --reason).")
        @OptionGroup var options: ActionOptions
        func run() async throws { try await options.perform(.dismiss) }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Hide the record (it stays in the activity log).")
        @OptionGroup var options: ActionOptions
        func run() async throws { try await options.perform(.delete) }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "Per company: failures by category and the failure rate over the last 30 days.")
        @Option(help: "Window in days.") var days: Int = 30
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let days = self.days
            let lines = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
                let store = Store(database: database)
                try await store.migrate()
                var lines: [String] = []
                for company in try await store.companies.all() {
                    let health = try await HealthService(store: store).health(company.id, windowDays: days)
                    let stats = health.statistics
                    lines.append(String(format: "%@ (%@): %d payments, %d failed, rate %.1f%%%@", company.name, company.username, stats.payments,
                                        stats.failedPayments, stats.rate * 100, health.rateAlert ? "  ALERT: 10% or more failed" : ""))
                    for entry in stats.categories { lines.append("    \(entry.category): \(entry.count)") }
                    if let problem = health.connectionFailure { lines.append("    connection: \(problem.category) — \(problem.title)") }
                }
                return lines.isEmpty ? ["No companies yet."] : lines
            }
            print("Failures over the last \(days) days")
            lines.forEach { print($0) }
        }
    }
}

