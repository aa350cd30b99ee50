import ArgumentParser
import Bridge
import Foundation
import Domain
import Store

/// `qbbridge seed`: generated data for measuring QBBridge at scale (docs/operations.md, "Queue depth"). It
/// writes to the database it is pointed at, so point it at a database made for measuring, never production.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Generate data at scale for benchmarks: a deep queue behind a company's work, finished jobs over many companies, or an installation in operation for the lists and the web UI.",
        discussion: "Writes straight to the database in bulk. Use a database made for measuring: seeded companies cannot log in, and the queued jobs are real work a session will run."
    )

    @Option(help: "Company id or Web Connector user name whose queue to fill (with --queued).") var company: String?
    @Option(help: "Jobs to queue for --company, behind everything queued already.") var queued = 0
    @Option(help: "What the queued jobs are: raw (CustomerQueryRq requests) or pull (open-invoice pulls).") var kind = "raw"
    @Option(help: "Companies to create for --history (named \"Seeded Company N\").") var companies = 0
    @Option(help: "Answered raw requests to spread over the --companies.") var history = 0
    @Flag(help: "An installation in operation for the lists and the web UI: --companies in every state, --jobs payments and raw requests over 90 days, --failures failure records, activity.") var operations = false
    @Option(help: "Jobs for --operations.") var jobs = 0
    @Option(help: "Failure records for --operations.") var failures = 0
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func validate() throws {
        guard DataSetSeeder.QueueKind(rawValue: kind) != nil else { throw ValidationError("--kind must be raw or pull.") }
        guard queued == 0 || company != nil else { throw ValidationError("--queued needs --company.") }
        guard history == 0 || companies > 0 else { throw ValidationError("--history needs --companies.") }
        guard !operations || (companies > 0 && history == 0) else { throw ValidationError("--operations needs --companies, and not --history.") }
        guard operations || (jobs == 0 && failures == 0) else { throw ValidationError("--jobs and --failures go with --operations.") }
        guard queued >= 0, history >= 0, companies >= 0, jobs >= 0, failures >= 0 else { throw ValidationError("Counts must not be negative.") }
    }

    func run() async throws {
        let logger = try loggingOptions.makeLogger()
        let kind = DataSetSeeder.QueueKind(rawValue: kind) ?? .raw
        let (key, queued, companies, history) = (company, queued, companies, history)
        let (operations, jobs, failures) = (operations, jobs, failures)
        try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            let seeder = DataSetSeeder(store: store)
            if operations {
                let started = ContinuousClock.now
                let made = try await seeder.seedOperations(companies: companies, jobs: jobs, failures: failures)
                print("created \(made.companies) companies, \(made.jobs) jobs, \(made.failures) failure records (\(made.openFailures) open) and "
                      + "\(made.activity) activity entries in \(String(format: "%.1f", Double((ContinuousClock.now - started).components.seconds))) s")
            } else if companies > 0 {
                let created = try await seeder.seedHistory(companies: companies, jobs: history)
                print("created \(created.count) companies with \(history) answered raw requests")
            }
            if let key, queued > 0 {
                let found = try await CompanyLookup.find(key, in: store)
                try await seeder.fillQueue(companyID: found.id, kind: kind, count: queued)
                print("queued \(queued) \(kind.rawValue) jobs for \(found.name)")
            }
        }
    }
}
