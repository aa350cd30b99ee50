import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// A running bridge, one company, its simulated QuickBooks and Web Connector: the setting of every
/// end-to-end payment test.
struct PaymentLab: Sendable {
    let bridge: RunningBridge
    let company: Company
    let quickBooks: FakeQuickBooks
    let webConnector: FakeWebConnector

    static let password = "correct horse"

    static func make(_ bridge: RunningBridge, quickBooks: FakeQuickBooks, username: String = "acme", sendsHostReport: Bool = true) async throws -> PaymentLab {
        let company = try await bridge.addCompany(name: "Acme \(username)", username: username, password: password)
        let port = try #require(bridge.client.port)
        let configuration = WebConnectorConfiguration(ownerID: try await bridge.store.installation.ownerID(), fileID: company.fileID,
                                                      sendsHostReport: sendsHostReport)
        let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(port)", username: username, password: password,
                                         quickBooks: quickBooks, configuration: configuration)
        return PaymentLab(bridge: bridge, company: company, quickBooks: quickBooks, webConnector: connector)
    }

    /// Queues a payment through the API; returns its id.
    @discardableResult
    func pay(_ externalId: String, customer: String, amount: Money, invoice: (txnID: String?, refNumber: String?)? , appliedAmount: Money? = nil,
             date: String = "2026-11-20", sourceLocation: SourceLocation = #_sourceLocation) async throws -> JobID {
        var applications = "[]"
        if let invoice {
            let selector = invoice.txnID.map { #"{"txnId": "\#($0)"}"# } ?? #"{"refNumber": "\#(invoice.refNumber ?? "")"}"#
            applications = #"[{"invoice": \#(selector), "amount": "\#(appliedAmount ?? amount)"}]"#
        }
        let body = #"{"externalId": "\#(externalId)", "customer": {"fullName": "\#(customer)"}, "amount": "\#(amount)", "date": "\#(date)", "paymentMethod": "Visa", "applications": \#(applications)}"#
        let response = try await bridge.api(.post, "/companies/\(company.id)/payments", json: body)
        #expect(response.status == .created, "\(String(buffer: response.body))", sourceLocation: sourceLocation)
        let id = try #require(try PaymentAPITests.json(response)["id"] as? String, sourceLocation: sourceLocation)
        return JobID(id)
    }

    /// Runs Web Connector sessions until the bridge has nothing left to do.
    @discardableResult
    func sync(maxSessions: Int = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> [SessionReport] {
        let reports = await webConnector.runUntilIdle(maxSessions: maxSessions)
        for report in reports where !report.errors.isEmpty {
            Issue.record("session errors: \(report.errors)", sourceLocation: sourceLocation)
        }
        return reports
    }

    func job(_ id: JobID) async throws -> Job {
        try #require(try await bridge.store.jobs.find(id))
    }

    func failure(_ id: JobID) async throws -> FailureRecord? {
        try await bridge.store.failures.open(forJob: id)
    }

    /// The customer's full name of an invoice in the simulated QuickBooks.
    func customer(of invoice: Invoice) throws -> String {
        try #require(invoice.customer?.fullName)
    }

    /// An open invoice of the simulated company (the first one whose balance is at least `minimumCents`).
    struct OpenInvoice: Sendable {
        var invoice: Invoice
        var txnID: TxnID
        var balance: Money
    }

    /// Picks an open invoice and queues a payment of its whole balance by TxnID: the start of most scenarios.
    func payOpenInvoice(_ externalId: String, minimumCents: Int64 = 1, sourceLocation: SourceLocation = #_sourceLocation) async throws -> (JobID, OpenInvoice) {
        let minimum = Money(cents: minimumCents) ?? .zero
        let invoice = try #require(await quickBooks.openInvoices().first { ($0.balanceRemaining ?? .zero) >= minimum }, sourceLocation: sourceLocation)
        let open = OpenInvoice(invoice: invoice, txnID: try #require(invoice.txnID, sourceLocation: sourceLocation),
                               balance: try #require(invoice.balanceRemaining, sourceLocation: sourceLocation))
        let job = try await pay(externalId, customer: try customer(of: invoice), amount: open.balance, invoice: (open.txnID.rawValue, nil),
                                sourceLocation: sourceLocation)
        return (job, open)
    }
}
