import ArgumentParser
import Bridge
import Foundation
import Domain
import Store

/// `qbbridge enqueue payment FILE.json --company COMPANY`: the same validation and idempotency as the API.
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enqueue", abstract: "Queue work for a company.", subcommands: [Payment.self, EnqueuePull.self])

    struct Payment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "payment", abstract: "Queue a payment from a JSON file (the API's body; - for standard input).")

        @Argument(help: "JSON file with the payment (the body of POST /api/v1/companies/{id}/payments), or - for standard input.") var file: String
        @Option(help: "Company id or Web Connector user name.") var company: String
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw ValidationError("Cannot read \(file).") }
                data = contents
            }
            let input: PaymentInput
            do { input = try JSONDecoder().decode(PaymentInput.self, from: data) } catch {
                throw ValidationError("\(file) is not the payment JSON expected: \(error)")
            }
            let logger = try loggingOptions.makeLogger()
            let key = company
            let result = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                let found = try await CompanyLookup.find(key, in: store)
                do {
                    return try await PaymentService(store: store).enqueue(input, companyID: found.id, actor: "cli")
                } catch let error as BridgeError {
                    throw ValidationError(error.description)
                }
            }
            switch result {
            case .created(let job): print("Queued payment \(job.externalID ?? "") for the next sync.\n\(job.id)")
            case .existing(let job): print("Payment \(job.externalID ?? "") was already queued (status \(job.status.rawValue)).\n\(job.id)")
            }
        }
    }
}
