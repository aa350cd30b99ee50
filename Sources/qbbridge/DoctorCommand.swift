import ArgumentParser
import Bridge
import Foundation
import Store

/// `qbbridge doctor`: checks the database, the public URL over HTTPS, the certificate, the `.qwc` files and the clock,
/// printing ✔/✘ with a fix for each (docs/operations.md, "qbbridge doctor"). Exits 1 when any check fails.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check what the Web Connector needs: database, public URL over HTTPS, certificate, .qwc files, clock.",
        discussion: "Reads the same settings as serve. Exits 1 when a check fails (✘). Changes nothing."
    )

    @Option(help: "The URL the Web Connector reaches (env QBBRIDGE_PUBLIC_URL; default as serve: http://localhost:PORT, https with QBBRIDGE_TLS_CERT).")
    var publicURL: String?

    @Option(help: ArgumentHelp("Connect to ADDRESS for HOST and PORT instead of asking DNS, like curl's --resolve; the certificate is still checked for HOST. Repeatable.", valueName: "host:port:address"))
    var resolve: [String] = []

    @Option(help: ArgumentHelp("PEM file of extra trust roots (a private authority, or tests), added to the system's; the report says they were used.", valueName: "pem"))
    var caFile: String?

    @Option(help: "A certificate with fewer days left fails the expiry check (default 14).")
    var minDaysLeft = 14

    @OptionGroup var databaseOptions: DatabaseOptions
    @OptionGroup var loggingOptions: LoggingOptions

    func run() async throws {
        let port = Environment.value("QBBRIDGE_PORT") ?? "8080"
        let scheme = Environment.value("QBBRIDGE_TLS_CERT") == nil ? "http" : "https"
        let url = publicURL ?? Environment.value("QBBRIDGE_PUBLIC_URL") ?? "\(scheme)://localhost:\(port)"
        var settings = Doctor.Configuration(publicURL: url, database: try databaseOptions.location())
        do {
            settings.resolve = try resolve.map { try ResolveOverride($0) }
        } catch {
            throw ValidationError("\(error)")
        }
        settings.extraRootsFile = caFile
        guard minDaysLeft >= 0 else { throw ValidationError("--min-days-left must not be negative.") }
        settings.minimumDaysLeft = minDaysLeft
        // Quiet unless asked: the report is the output.
        var logging = loggingOptions
        if logging.logLevel == nil, Environment.value("QBBRIDGE_LOG_LEVEL") == nil { logging.logLevel = "warning" }
        let report = await Doctor(configuration: settings, logger: try logging.makeLogger()).run()
        print(report.text, terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}
