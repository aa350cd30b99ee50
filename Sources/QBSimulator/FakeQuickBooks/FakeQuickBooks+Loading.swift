public import Foundation
public import QBXML

/// Ways to fill a simulated company: a JSON fixture (`Samples/simulator/*.json`) or a seeded generator.
extension FakeQuickBooks {
    /// A company loaded from a fixture file.
    public init(fixture url: URL, clock: QuickBooksClock = .system) throws(FakeQuickBooksError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fixtureUnreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(fixtureJSON: data, source: url.path, clock: clock)
    }

    /// A company loaded from fixture JSON held in memory; `source` names it in error messages.
    public init(fixtureJSON data: Data, source: String = "fixture JSON", clock: QuickBooksClock = .system) throws(FakeQuickBooksError) {
        let fixture = try CompanyFixture.decode(data, source: source)
        self.init(file: try CompanyFile(fixture: fixture, clock: clock))
    }

    /// Where the Acme Plumbing fixture lives in this repository (`Samples/simulator/acme-company.json`),
    /// found from this source file's location, so it works wherever the repository is checked out.
    public static var acmeFixtureURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/simulator/acme-company.json")
    }

    /// Acme Plumbing: 8 customers (one job), 25 invoices of which some are paid or partly paid, 2 credit
    /// memos, the accounts and payment methods a payment bridge refers to.
    public static func acme(clock: QuickBooksClock = .system) throws(FakeQuickBooksError) -> FakeQuickBooks {
        try FakeQuickBooks(fixture: acmeFixtureURL, clock: clock)
    }

    /// A large company generated from `seed` (the same seed always gives the same books): `customers`
    /// customers and `invoices` invoices dated in the year before `asOf`, about 30 % paid, 10 % half paid
    /// and 3 % reduced by a credit memo.
    public static func generated(customers: Int, invoices: Int, seed: UInt64, asOf: QBDate? = nil,
                                 facts: CompanyFacts = CompanyFacts(companyName: "Generated Company"),
                                 clock: QuickBooksClock = .system) throws(FakeQuickBooksError) -> FakeQuickBooks {
        var file = try CompanyFile(facts: facts, clock: clock)
        let endDate = asOf ?? QBDate(year: 2026, month: 10, day: 31) ?? file.clock.today
        try CompanyGenerator(customerCount: customers, invoiceCount: invoices, seed: seed, asOf: endDate).build(into: &file)
        return FakeQuickBooks(file: file)
    }
}
