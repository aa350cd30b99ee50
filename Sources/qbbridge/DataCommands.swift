import ArgumentParser
import Bridge
import Foundation
import QBXML
import Domain
import Store

/// `qbbridge enqueue pull COMPANY invoices|customers`: queue a pull from the command line.
struct EnqueuePull: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pull", abstract: "Queue a pull of invoices or customers for the company's next sync.")

    @Argument(help: "invoices or customers.") var kind: String
    @Option(help: "Company id or Web Connector user name.") var company: String
    @Flag(help: "Invoices: paid ones too (default: open only).") var all = false
    @Flag(help: "Only what changed since the newest record stored.") var incremental = false
    @Option(help: "Invoices dated on or after this day (YYYY-MM-DD; default: the sync start date).") var fromDate: String?
    @Option(help: "Records per round trip (1–1000).") var pageSize: Int?
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let input = PullInput(kind: kind, open: kind == "invoices" ? !all : nil, fromDate: fromDate, incremental: incremental, pageSize: pageSize)
        let key = company
        let job = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
            let store = Store(database: database)
            try await store.migrate()
            let found = try await CompanyLookup.find(key, in: store)
            do {
                return try await PullService(store: store).enqueue(input, companyID: found.id, actor: "cli", origin: "cli")
            } catch let error as BridgeError {
                throw ValidationError(error.description)
            }
        }
        print("Queued \(kind == "invoices" ? "an" : "a") \(kind) pull for the next sync; follow it with GET /api/v1/pulls/\(job.id).\n\(job.id)")
    }
}

/// `qbbridge deposits COMPANY --from --to`: the deposit report as text, one block per expected deposit.
struct DepositsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deposits", abstract: "Posted payments grouped into the bank deposits to expect.")

    @Argument(help: "Company id or Web Connector user name.") var company: String
    @Option(help: "First expected deposit day (YYYY-MM-DD; default two weeks ago).") var from: String?
    @Option(help: "Last expected deposit day (YYYY-MM-DD; default a week ahead).") var to: String?
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let key = company
        let (from, to) = (self.from, self.to)
        let report = try await Database.withOpened(try databaseOptions.location(), logger: try loggingOptions.makeLogger()) { database in
            let store = Store(database: database)
            try await store.migrate()
            let found = try await CompanyLookup.find(key, in: store)
            do {
                return try await DepositService(store: store).report(companyID: found.id, from: from, to: to)
            } catch let error as BridgeError {
                throw ValidationError(error.description)
            }
        }
        print("Deposits expected \(report.from) to \(report.to): \(report.deposits.count), total \(report.total())")
        for deposit in report.deposits {
            let window = deposit.latestDate == deposit.expectedDate ? "\(deposit.expectedDate)" : "\(deposit.expectedDate)–\(deposit.latestDate)"
            print("\n\(window)  \(deposit.channel.rawValue)  batch \(deposit.batchDate)  \(deposit.payments.count) payment(s)  \(deposit.total)")
            for payment in deposit.payments {
                print("  \(payment.refNumber ?? payment.externalId)  \(payment.customer ?? "")  \(payment.paymentMethod ?? "-")  \(payment.date)  \(payment.amount)  TxnID \(payment.txnId ?? "-")")
            }
        }
    }

}
