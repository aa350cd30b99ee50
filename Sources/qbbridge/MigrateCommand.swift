import ArgumentParser
import Domain
import Store

/// `qbbridge migrate`: bring the database schema up to date without starting the server.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the database schema.")

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let logger = try loggingOptions.makeLogger()
        let location = try databaseOptions.location()
        let applied = try await Database.withOpened(location, logger: logger) { database in
            try await Store(database: database).migrate()
        }
        print(applied.isEmpty ? "\(location): schema already at version \(Migrator.latestVersion)." :
                "\(location): applied migrations \(applied.map(String.init).joined(separator: ", ")); schema at version \(Migrator.latestVersion).")
    }
}
