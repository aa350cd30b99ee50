import ArgumentParser
import Domain
import Store

/// `qbbridge token create`: a bearer token for the JSON API, printed as the last line.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an API token and print it (last line).")

        @Option(help: "A label to recognise the token by in the activity log.")
        var label: String = "cli"

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let logger = try loggingOptions.makeLogger()
            let label = self.label
            let token = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await store.tokens.create(label: label, actor: "cli")
            }
            print("Created API token \"\(label)\" (shown only once):")
            print(token)
        }
    }
}
