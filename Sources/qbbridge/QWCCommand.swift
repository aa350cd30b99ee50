import ArgumentParser
import Bridge
import Domain
import Store

/// `qbbridge qwc COMPANY > file.qwc`: the same file the API's download gives.
struct QWCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "qwc", abstract: "Print a company's Web Connector configuration file (.qwc).")

    @Argument(help: "Company id or Web Connector user name.") var company: String
    @Option(help: "The URL the Web Connector reaches (env QBBRIDGE_PUBLIC_URL; default http://localhost:8080).") var publicURL: String?
    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let logger = try loggingOptions.makeLogger()
        let configuration = BridgeConfiguration(publicURL: publicURL ?? Environment.value("QBBRIDGE_PUBLIC_URL") ?? "http://localhost:8080")
        let key = company
        let file = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            let found = try await CompanyLookup.find(key, in: store)
            do {
                return try await CompanyService(store: store, configuration: configuration, passwords: PasswordHasher(cost: 4)).qwcFile(for: found.id)
            } catch let error as BridgeError {
                throw ValidationError(error.description)
            }
        }
        print(file.contents, terminator: "")
    }
}
