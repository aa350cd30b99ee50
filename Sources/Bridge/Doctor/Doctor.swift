import Domain
public import Foundation
public import Logging
public import Store

/// `qbbridge doctor` (docs/operations.md, "qbbridge doctor"): checks, from the server's side, what a person would
/// otherwise learn from a failing Web Connector: the database opens, is writable and fully migrated; the public URL
/// resolves, answers on `/qbwc` over HTTPS with a certificate the system's trust store accepts and that is not about to
/// expire; the `.qwc` files each company would get are ones the Web Connector accepts; the clocks agree.
/// It changes nothing: no migration, no row kept.
public struct Doctor: Sendable {
    /// What to check; read by the command line from the same options and variables as `serve`.
    public struct Configuration: Sendable {
        /// The public URL the Web Connector reaches (`QBBRIDGE_PUBLIC_URL`).
        public var publicURL: String
        /// The database `serve` uses.
        public var database: DatabaseLocation
        /// `--resolve HOST:PORT:ADDRESS` entries.
        public var resolve: [ResolveOverride] = []
        /// `--ca-file`: a PEM file of extra trust roots, for a private authority or tests. The report says they were used.
        public var extraRootsFile: String?
        /// A certificate with fewer days left than this fails the expiry check.
        public var minimumDaysLeft = 14
        /// Clocks further apart than this fail the clock check.
        public var clockToleranceSeconds: Double = 60
        /// Per connection attempt and per HTTP answer.
        public var timeoutSeconds: Int64 = 10

        public init(publicURL: String, database: DatabaseLocation) {
            self.publicURL = publicURL
            self.database = database
        }
    }

    let configuration: Configuration
    let logger: Logger

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs every check and returns the report; never throws (a check that cannot run is a failed check).
    public func run(now: @escaping @Sendable () -> Date = { Date() }) async -> DoctorReport {
        var report = DoctorReport()
        report.notes.append("QBBridge \(QBBridgeVersion.current) doctor: public URL \(configuration.publicURL), database \(configuration.database)")
        if !configuration.resolve.isEmpty {
            report.notes.append("Using --resolve " + configuration.resolve.map(\.description).joined(separator: ", ")
                                + " instead of DNS for those host names.")
        }
        let database = await checkDatabase(now: now)
        let web = await checkWeb(now: now)
        report.notes += web.notes
        report.checks += database.checks + web.checks + [database.qwc, clockCheck(database: database.clockSkew, web: web.clockSkew)]
        return report
    }
}
