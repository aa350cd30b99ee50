import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// Realistic data for the UI tests, made the way production makes it: a company whose simulated Web
/// Connector posted ten clean payments and hit an invoice paid by hand, a credit memo and a recreated
/// invoice (a 23% failure rate, above the 10% alert), then could not open QuickBooks because of a pop-up.
struct UIScenario {
    let lab: PaymentLab
    let posted: [JobID]
    let alreadyApplied: JobID
    let amountChanged: JobID
    let invoiceMissing: JobID

    var company: Company { lab.company }
    var store: Store { lab.bridge.store }

    static func make(_ bridge: RunningBridge) async throws -> UIScenario {
        let quickBooks = try FakeQuickBooks.generated(customers: 8, invoices: 60, seed: 11)
        let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
        let open = await quickBooks.openInvoices().filter { ($0.balanceRemaining ?? .zero) > Money(cents: 10_000)! }
        try #require(open.count >= 13)
        func pay(_ index: Int, _ name: String) async throws -> JobID {
            let invoice = open[index]
            return try await lab.pay(name, customer: try lab.customer(of: invoice), amount: try #require(invoice.balanceRemaining),
                                     invoice: (try #require(invoice.txnID).rawValue, nil))
        }
        var posted: [JobID] = []
        for index in 0..<10 { posted.append(try await pay(index, "inv-2026-\(100 + index)")) }
        let manual = try await pay(10, "inv-manual")
        let memo = try await pay(11, "inv-memo")
        let recreated = try await pay(12, "inv-recreated")
        _ = try await quickBooks.payInvoiceByHand(try #require(open[10].txnID), refNumber: "CHK-881")
        _ = try await quickBooks.applyCreditMemo(to: try #require(open[11].txnID), amount: Money(cents: 5_000)!)
        _ = try await quickBooks.recreateInvoice(try #require(open[12].txnID))
        await lab.sync(maxSessions: 1)
        await quickBooks.setOpenFailure(.modalDialog)
        _ = await lab.webConnector.runSession()
        return UIScenario(lab: lab, posted: posted, alreadyApplied: manual, amountChanged: memo, invoiceMissing: recreated)
    }

    func failure(of job: JobID) async throws -> FailureRecord {
        try #require(try await store.failures.open(forJob: job))
    }

    func connectionFailure() async throws -> FailureRecord {
        try #require(try await store.failures.list(companyID: company.id, statuses: [.open], connectionOnly: true).first)
    }
}
