import ArgumentParser

/// The `qbbridge` executable: the server and the operator's commands.
@main
struct QBBridgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qbbridge",
        abstract: "A QuickBooks Web Connector server: queue payments and pulls for QuickBooks Desktop, see every failure with its fix.",
        subcommands: [ServeCommand.self, MigrateCommand.self, TokenCommand.self, CompanyCommand.self, QWCCommand.self,
                      EnqueueCommand.self, FailuresCommand.self, DepositsCommand.self, DemoCommand.self, UserCommand.self,
                      CatalogueCommand.self, SeedCommand.self, QWCLogCommand.self, DoctorCommand.self]
    )
}
