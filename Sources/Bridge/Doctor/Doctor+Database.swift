import Domain
import Foundation
import Store
import WebConnector

/// The database checks and the `.qwc` check, which needs the companies (docs/operations.md, "qbbridge doctor").
extension Doctor {
    struct DatabaseFindings: Sendable {
        var checks: [DoctorCheck]
        var qwc: DoctorCheck
        /// Database server clock minus this machine's, in seconds (PostgreSQL only).
        var clockSkew: Double?
    }

    func checkDatabase(now: @escaping @Sendable () -> Date) async -> DatabaseFindings {
        let location = configuration.database
        let notOpened = DoctorCheck.skipped("qwc", ".qwc files: not checked, the database did not open")
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            // Opening would create an empty file; the doctor changes nothing.
            return DatabaseFindings(checks: [.failed("database.open", "Database: there is no SQLite file at \(path)",
                                                     fix: "Give doctor the same --database (or QBBRIDGE_DATABASE) that serve uses; serve and 'qbbridge migrate' create the file on first start.")],
                                    qwc: notOpened, clockSkew: nil)
        }
        let seconds = configuration.timeoutSeconds
        let outcome = await withDeadline(seconds: Double(seconds) * 2) { () async throws -> DatabaseFindings in
            try await Database.withOpened(location, logger: logger) { database in
                await findings(store: Store(database: database), now: now)
            }
        }
        switch outcome {
        case .success(let findings):
            return findings
        case .failure(let error):
            let reason = error is DeadlineExceeded ? "no answer within \(seconds * 2) s" : "\(error)"
            return DatabaseFindings(checks: [.failed("database.open", "Database: \(location) does not open: \(reason)",
                                                     fix: "Check the --database URL or path (QBBRIDGE_DATABASE), that the database server runs and accepts this user, and the file's permissions.")],
                                    qwc: notOpened, clockSkew: nil)
        }
    }

    private func findings(store: Store, now: @Sendable () -> Date) async -> DatabaseFindings {
        var checks: [DoctorCheck] = []
        let location = configuration.database
        let latest = Migrator.latestVersion
        let version: Int
        do {
            version = try await store.diagnostics.schemaVersion()
        } catch {
            return DatabaseFindings(checks: [.failed("database.open", "Database: \(location) opens but cannot be read: \(error)",
                                                     fix: "Check that this is QBBridge's database and that its user may read it.")],
                                    qwc: .skipped("qwc", ".qwc files: not checked, the database could not be read"), clockSkew: nil)
        }
        checks.append(.passed("database.open", "Database: \(location) opens"))
        if version == latest {
            checks.append(.passed("database.schema", "Database schema: current (version \(latest))"))
        } else if version < latest {
            let pending = latest - version
            checks.append(.failed("database.schema", "Database schema: \(pending) migration\(pending == 1 ? "" : "s") pending (at version \(version), this build needs \(latest))",
                                  fix: "Run 'qbbridge migrate' with the same --database, or start 'qbbridge serve', which migrates before it listens."))
        } else {
            checks.append(.failed("database.schema", "Database schema: version \(version) is newer than this build knows (\(latest))",
                                  fix: "A newer QBBridge has used this database: run that version, or restore a backup taken before the upgrade."))
        }
        if version == 0 {
            checks.append(.skipped("database.write", "Database writable: not checked, the schema does not exist yet"))
        } else {
            do {
                try await store.diagnostics.probeWrite()
                checks.append(.passed("database.write", "Database writable: a test write was made and rolled back"))
            } catch {
                checks.append(.failed("database.write", "Database writable: a test write failed: \(error)",
                                      fix: "Give the user that runs QBBridge write access to the database (for SQLite, the file and its folder), and check the disk is not full."))
            }
        }
        var skew: Double?
        do {
            if let clock = try await store.diagnostics.serverClock() {
                skew = clock.date.timeIntervalSince(now())
            }
        } catch {
            logger.debug("database clock not read", metadata: ["error": "\(error)"])
        }
        let qwc = version == latest ? await checkQWC(store: store)
            : DoctorCheck.skipped("qwc", ".qwc files: not checked until the schema is current")
        return DatabaseFindings(checks: checks, qwc: qwc, clockSkew: skew)
    }

    /// Makes each company's `.qwc` the way the API and `qbbridge qwc` do, from the public URL given, and checks what the
    /// Web Connector checks: AppURL https (plain http only on localhost, QBWC1010), AppSupport on the same host.
    private func checkQWC(store: Store) async -> DoctorCheck {
        let service = CompanyService(store: store, configuration: BridgeConfiguration(publicURL: configuration.publicURL),
                                     passwords: PasswordHasher(cost: 4))
        let companies: [Company]
        do { companies = try await store.companies.all() } catch {
            return .failed("qwc", ".qwc files: the companies could not be read: \(error)", fix: "Check the database as above.")
        }
        let fixURL = "Set QBBRIDGE_PUBLIC_URL (or --public-url) to the https:// address the Web Connector reaches, restart serve, then download each company's .qwc again and add it to the Web Connector."
        guard !companies.isEmpty else {
            // No company yet: check the URL the first one will get, with a placeholder company.
            let probe = QWCFile(appName: "QBBridge - check", appUniqueName: "QBBridge-check", appURL: Self.base(configuration.publicURL) + "/qbwc",
                                appSupport: Self.base(configuration.publicURL) + "/support", appDescription: "QBBridge sync", userName: "check",
                                ownerID: QWCFile.newGUID(), fileID: QWCFile.newGUID(), runEveryMinutes: 15, isReadOnly: false)
            do {
                try probe.validate()
                return Self.qwcVerdict(appURL: probe.appURL, files: 0)
            } catch {
                return .failed("qwc", ".qwc files: the Web Connector would refuse them: \(error.description)", fix: fixURL)
            }
        }
        var appURL = ""
        for company in companies {
            do {
                let file = try await service.qwcFile(for: company.id)
                appURL = Self.element("AppURL", in: file.contents) ?? ""
                let support = Self.element("AppSupport", in: file.contents) ?? ""
                guard let appHost = URL(string: appURL)?.host?.lowercased(), URL(string: support)?.host?.lowercased() == appHost else {
                    return .failed("qwc", ".qwc of \(company.name): AppSupport \(support) is not on the host of AppURL \(appURL)", fix: fixURL)
                }
            } catch {
                return .failed("qwc", ".qwc of \(company.name): the Web Connector would refuse it: \(error)", fix: fixURL)
            }
        }
        return Self.qwcVerdict(appURL: appURL, files: companies.count)
    }

    private static func qwcVerdict(appURL: String, files: Int) -> DoctorCheck {
        let which = files == 0 ? "no company yet; the first will get" : "\(files) compan\(files == 1 ? "y" : "ies"):"
        guard URL(string: appURL)?.scheme?.lowercased() == "https" else {
            return .passed("qwc", ".qwc files (\(which) AppURL \(appURL)): plain http, which the Web Connector accepts only on this same computer (localhost)")
        }
        return .passed("qwc", ".qwc files (\(which) AppURL \(appURL)): https, AppSupport on the same host")
    }

    static func base(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    private static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else { return nil }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}

/// A deadline passed before the work finished.
struct DeadlineExceeded: Error {}

/// Runs `work`, giving up after `seconds` (the work is cancelled).
func withDeadline<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () async throws -> T) async -> Result<T, any Error> {
    await withTaskGroup(of: Result<T, any Error>.self) { group in
        group.addTask {
            do { return .success(try await work()) } catch { return .failure(error) }
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return .failure(DeadlineExceeded())
        }
        let first = await group.next() ?? .failure(DeadlineExceeded())
        group.cancelAll()
        return first
    }
}
