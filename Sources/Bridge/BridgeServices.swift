public import Logging
public import Store

/// The composition root: every Bridge service, built once over one store with one password hasher, and
/// handed to whatever serves them (the HTTP server, the CLI, the benchmarks). Nothing above Bridge sees
/// the store; it sees these.
public struct BridgeServices: Sendable {
    let store: Store
    let logger: Logger
    /// How the bridge behaves (public URL, versions, timeouts).
    public let configuration: BridgeConfiguration
    /// The Web Connector's side: what the SOAP endpoint calls.
    public let sessions: WebConnectorSessions
    /// Company connections and their `.qwc`.
    public let companies: CompanyService
    /// Payments and their reversal.
    public let payments: PaymentService
    /// Failure records' lifecycle actions.
    public let failures: FailureService
    /// A company's sync health and the schedule check.
    public let health: HealthService
    /// Pulls of invoices and customers.
    public let pulls: PullService
    /// Raw qbXML requests.
    public let rawRequests: RawRequestService
    /// Upstream customer ids mapped to QuickBooks customers.
    public let mappings: CustomerMappingService
    /// The deposit report.
    public let deposits: DepositService
    /// The read side.
    public let records: Records
    /// API tokens, admin users, browser sessions, the sign-in throttle.
    public let access: AccessService
    /// The help catalogue: every code QBBridge explains, with its meaning, causes and steps.
    public let help: HelpService
    /// The Web Connector log reader: an uploaded QWCLog.txt as a per-run report, and logs attached to companies.
    public let qwcLogs: QWCLogService
    /// Webhook endpoints and their deliveries.
    public let webhooks: WebhookService
    /// The key that seals webhook secrets, shared by the service and the sender.
    let webhookSecrets: WebhookSecretBox

    /// Builds every service over an opened, migrated store.
    public init(store: Store, configuration: BridgeConfiguration, logger: Logger) {
        let passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.store = store
        self.logger = logger
        self.configuration = configuration
        sessions = WebConnectorSessions(store: store, configuration: configuration, passwords: passwords, logger: logger)
        companies = CompanyService(store: store, configuration: configuration, passwords: passwords)
        payments = PaymentService(store: store)
        failures = FailureService(store: store)
        health = HealthService(store: store)
        pulls = PullService(store: store)
        rawRequests = RawRequestService(store: store)
        mappings = CustomerMappingService(store: store)
        deposits = DepositService(store: store)
        records = Records(store: store)
        access = AccessService(store: store, passwords: passwords)
        help = HelpService()
        qwcLogs = QWCLogService(store: store, logger: logger)
        webhookSecrets = WebhookSecretBox(keyPath: configuration.webhooks.keyFile ?? Self.defaultWebhookKeyFile(store.database.location))
        webhooks = WebhookService(store: store, box: webhookSecrets, policy: WebhookURLPolicy(allowInsecure: configuration.webhooks.allowInsecure))
    }

    /// Next to the SQLite file when no key file is configured; PostgreSQL has no such place, so it needs the flag.
    static func defaultWebhookKeyFile(_ location: DatabaseLocation) -> String? {
        if case .sqlite(let path) = location { return path + ".webhook-key" }
        return nil
    }
}
