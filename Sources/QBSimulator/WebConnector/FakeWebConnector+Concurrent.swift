public import AsyncHTTPClient

/// One company for `FakeWebConnector.runConcurrently`: its Web Connector credentials and its QuickBooks.
public struct SimulatedCompany: Sendable {
    /// The QBWC user name.
    public var username: String
    /// The password typed into QBWC.
    public var password: String
    /// The company's QuickBooks.
    public var quickBooks: FakeQuickBooks
    /// Per-company settings (OwnerID/FileID from its `.qwc`); nil uses the shared configuration.
    public var configuration: WebConnectorConfiguration?

    /// A company.
    public init(username: String, password: String, quickBooks: FakeQuickBooks, configuration: WebConnectorConfiguration? = nil) {
        self.username = username
        self.password = password
        self.quickBooks = quickBooks
        self.configuration = configuration
    }
}

extension FakeWebConnector {
    /// Runs one session for every company at the same time, each with its own Web Connector and
    /// QuickBooks, as many offices polling one server do. Reports come back in the order of `companies`.
    public static func runConcurrently(baseURL: String, companies: [SimulatedCompany],
                                       configuration: WebConnectorConfiguration = WebConnectorConfiguration(),
                                       faults: [SessionFault] = [], httpClient: HTTPClient = .shared) async -> [SessionReport] {
        await withTaskGroup(of: (Int, SessionReport).self) { group in
            for (index, company) in companies.enumerated() {
                let connector = FakeWebConnector(baseURL: baseURL, username: company.username, password: company.password,
                                                 quickBooks: company.quickBooks, configuration: company.configuration ?? configuration,
                                                 httpClient: httpClient)
                group.addTask { (index, await connector.runSession(faults: faults)) }
            }
            var reports = [SessionReport?](repeating: nil, count: companies.count)
            for await (index, report) in group { reports[index] = report }
            return reports.map { $0 ?? SessionReport() }
        }
    }
}
