import ArgumentParser
import Bridge
import Domain
import Store

/// `qbbridge user add|password|remove|setup-link`: admin users of the web UI (issue 8). The password is read from standard input
/// only, so it never shows in the shell history or the process list.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage admin users of the web UI.", subcommands: [Add.self, Password.self, Remove.self, SetupLink.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an admin user who can sign in to the web UI.")

        @Option(help: "Login name (1–64 letters, digits, '.', '_', '-' or '@').") var username: String
        @Flag(help: "Read the password (10–72 characters) from the first line of standard input.") var passwordStdin = false
        @Option(help: "bcrypt cost for the password hash (10–16; default 11).") var bcryptCost: Int = 11
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func validate() throws {
            guard (1...64).contains(username.count), username.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
                throw ValidationError("--username must be 1–64 letters, digits, '.', '_', '-' or '@'.")
            }
            guard passwordStdin else {
                throw ValidationError("Pass --password-stdin and type the password on standard input (e.g. printf '%s\\n' \"$PASSWORD\" | qbbridge user add --username NAME --password-stdin).")
            }
            guard (10...16).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be between 10 and 16.") }
        }

        func run() async throws {
            guard let password = readLine(strippingNewline: true), (10...72).contains(password.utf8.count) else {
                throw ValidationError("The password on standard input must be 10–72 characters (bcrypt reads at most 72 bytes).")
            }
            let logger = try loggingOptions.makeLogger()
            let username = self.username
            let hash = await PasswordHasher(cost: bcryptCost).hash(password)
            do {
                let user = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                    let store = Store(database: database)
                    try await store.migrate()
                    return try await store.adminUsers.create(username: username, passwordHash: hash, actor: "cli")
                }
                print("Created admin user \"\(user.username)\"; sign in at the server's address (e.g. http://localhost:8080/login).")
            } catch StoreError.conflict {
                throw ValidationError("An admin user named \"\(username)\" already exists; choose another name.")
            }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "password", abstract: "Set a new password for an admin user (signs them out everywhere).")

        @Option(help: "Login name.") var username: String
        @Flag(help: "Read the new password (10–72 characters) from the first line of standard input.") var passwordStdin = false
        @Option(help: "bcrypt cost for the password hash (10–16; default 11).") var bcryptCost: Int = 11
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func validate() throws {
            guard passwordStdin else {
                throw ValidationError("Pass --password-stdin and type the new password on standard input.")
            }
            guard (10...16).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be between 10 and 16.") }
        }

        func run() async throws {
            guard let password = readLine(strippingNewline: true), (10...72).contains(password.utf8.count) else {
                throw ValidationError("The password on standard input must be 10–72 characters (bcrypt reads at most 72 bytes).")
            }
            let logger = try loggingOptions.makeLogger()
            let username = self.username
            let hash = await PasswordHasher(cost: bcryptCost).hash(password)
            do {
                try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                    let store = Store(database: database)
                    try await store.migrate()
                    try await store.adminUsers.setPassword(username: username, passwordHash: hash, actor: "cli")
                }
            } catch StoreError.notFound {
                throw ValidationError("No admin user named \"\(username)\"; create one with 'qbbridge user add'.")
            }
            print("Changed the password of \"\(username)\"; their open sessions were signed out.")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an admin user (the activity log keeps their actions).")

        @Option(help: "Login name.") var username: String
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let logger = try loggingOptions.makeLogger()
            let username = self.username
            do {
                try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                    let store = Store(database: database)
                    try await store.migrate()
                    try await store.adminUsers.remove(username: username, actor: "cli")
                }
            } catch StoreError.notFound {
                throw ValidationError("No admin user named \"\(username)\".")
            }
            print("Removed admin user \"\(username)\".")
        }
    }

    /// A new one-time link for creating the first admin user in the browser, for when the one `serve` printed was
    /// lost or expired. Refused once an admin user exists.
    struct SetupLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup-link",
            abstract: "Print a one-time link (valid 24 hours) to create the first admin user in the browser; earlier links stop working."
        )

        @Option(help: "The server's public address (default: QBBRIDGE_PUBLIC_URL, else http://localhost:8080).") var publicURL: String?
        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var loggingOptions: LoggingOptions

        func run() async throws {
            let logger = try loggingOptions.makeLogger()
            let base = publicURL ?? Environment.value("QBBRIDGE_PUBLIC_URL") ?? "http://localhost:8080"
            let code = try await Database.withOpened(try databaseOptions.location(), logger: logger) { database in
                let store = Store(database: database)
                try await store.migrate()
                return try await BridgeServices(store: store, configuration: BridgeConfiguration(), logger: logger).access.issueSetupCode()
            }
            guard let code else {
                throw ValidationError("An admin user exists already: set-up links are only for the first one. Create more with qbbridge user add.")
            }
            print("Open this link to create the first admin user (valid 24 hours, works once):")
            print("  \(base.hasSuffix("/") ? String(base.dropLast()) : base)/setup?code=\(code)")
        }
    }
}
