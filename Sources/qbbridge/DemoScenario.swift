import Bridge
import Foundation
import QBSimulator
import QBXML
import Server
import Domain
import Store

/// What the demo remembers between `qbbridge demo` and `qbbridge demo --sync` (in `qbbridge-demo.json`):
/// the simulated QuickBooks is rebuilt from its seed and the same bookkeeping is replayed, so both runs
/// see the same books.
struct DemoState: Codable {
    var companyID: String
    var username: String
    var token: String
    var seed: UInt64
    /// Invoices paid cleanly (TxnIDs).
    var cleanInvoices: [String]
    var manuallyPaidInvoice: String
    var creditedInvoice: String
    var recreatedInvoice: String
    var creditMemo: String?
    var recreatedAs: String?
    var memoUnapplied = false
}

/// The demo's simulated QuickBooks and its story.
struct DemoScenario {
    var state: DemoState
    let quickBooks: FakeQuickBooks

    static let clock = QuickBooksClock.fixed(start: Date(timeIntervalSince1970: 1_795_132_800), stepSeconds: 7)
    static let asOf = QBDate(year: 2026, month: 11, day: 15)

    /// First run: a demo company, a token and the payments an upstream billing app would send.
    static func prepare(store: Store, configuration: ServerConfiguration) async throws -> DemoState {
        let companies = CompanyService(store: store, configuration: configuration.bridge, passwords: PasswordHasher(cost: 10))
        let company: Company
        if let (existing, _) = try await store.companies.credentials(username: "demo") {
            company = existing
        } else {
            company = try await companies.create(.init(name: "Demo Plumbing", username: "demo", password: DemoCommand.password), actor: "demo")
        }
        let token = try await store.tokens.create(label: "demo", actor: "demo")
        let books = try FakeQuickBooks.generated(customers: 6, invoices: 24, seed: 7, asOf: asOf, clock: clock)
        let open = await books.openInvoices().filter { ($0.balanceRemaining ?? .zero) > Money(cents: 20_000)! }
        guard open.count >= 9 else { throw DemoError("the generated demo books have too few open invoices") }
        let ids = open.compactMap { $0.txnID?.rawValue }
        let state = DemoState(companyID: company.id.rawValue, username: company.username, token: token, seed: 7,
                              cleanInvoices: Array(ids.prefix(6)), manuallyPaidInvoice: ids[6], creditedInvoice: ids[7], recreatedInvoice: ids[8])
        let payments = PaymentService(store: store)
        for (index, invoice) in open.prefix(9).enumerated() {
            let amount = invoice.balanceRemaining ?? .zero
            let selector = index % 2 == 0 ? #"{"txnId": "\#(invoice.txnID?.rawValue ?? "")"}"# : #"{"refNumber": "\#(invoice.refNumber ?? "")"}"#
            let body = #"{"externalId": "demo-\#(index + 1)", "customer": {"fullName": "\#(invoice.customer?.fullName ?? "")"}, "amount": "\#(amount)", "date": "2026-11-20", "paymentMethod": "\#(index % 3 == 0 ? "ACH" : "Visa")", "refNumber": "ch_\#(1000 + index)", "applications": [{"invoice": \#(selector), "amount": "\#(amount)"}]}"#
            let input = try JSONDecoder().decode(PaymentInput.self, from: Data(body.utf8))
            _ = try await payments.enqueue(input, companyID: company.id, actor: "api:billing-portal")
        }
        return state
    }

    /// Rebuilds the books from the seed and replays what the bookkeeper (and earlier syncs) did.
    init(state: DemoState) async throws {
        self.state = state
        quickBooks = try FakeQuickBooks.generated(customers: 6, invoices: 24, seed: state.seed, asOf: Self.asOf, clock: Self.clock)
        try await quickBooks.payInvoiceByHand(TxnID(state.manuallyPaidInvoice), refNumber: "CHK-2231")
        let memo = try await quickBooks.applyCreditMemo(to: TxnID(state.creditedInvoice), amount: Money(cents: 7_500)!)
        let recreated = try await quickBooks.recreateInvoice(TxnID(state.recreatedInvoice))
        self.state.creditMemo = memo.rawValue
        self.state.recreatedAs = recreated.rawValue
    }

    /// Second act: the bookkeeper takes the credit memo off the invoice.
    mutating func unapplyCreditMemo() async throws {
        guard let memo = state.creditMemo else { return }
        try await quickBooks.unapplyCreditMemo(TxnID(memo), from: TxnID(state.creditedInvoice))
        state.memoUnapplied = true
    }

    /// Replays payments an earlier demo run posted, then runs a Web Connector session and tells the story.
    func runSession(port: Int, store: Store, firstRun: Bool) async throws -> String {
        let companyID = CompanyID(state.companyID)
        for job in try await store.jobs.list(companyID: companyID, kinds: [.paymentPost], statuses: [.posted], limit: 1000) {
            guard let payload = try? PaymentPayload(json: job.payload) else { continue }
            let applications = try await applications(of: payload)
            try await quickBooks.receivePaymentByHand(customer: payload.customer.fullName ?? "", totalAmount: Money(payload.amount) ?? .zero,
                                                      applications: applications)
        }
        let company = try await store.companies.find(companyID)
        let connector = FakeWebConnector(
            baseURL: "http://127.0.0.1:\(port)", username: state.username, password: DemoCommand.password, quickBooks: quickBooks,
            configuration: WebConnectorConfiguration(ownerID: try await store.installation.ownerID(), fileID: company?.fileID)
        )
        let reports = [await connector.runSession()]
        var lines: [String] = []
        lines.append(firstRun ? "QBBridge demo: a billing portal queued 9 payments for Demo Plumbing; the Web Connector synced."
                              : "QBBridge demo, second sync: the bookkeeper un-applied credit memo \(state.creditMemo ?? "") in QuickBooks.")
        if firstRun {
            lines.append("Before the sync, in QuickBooks: a bookkeeper paid one invoice by hand (check CHK-2231), applied a $75.00 credit memo to another, and deleted and recreated a third.")
        }
        for report in reports {
            lines.append("Web Connector session: \(report.outcome), \(report.roundTrips) round trip\(report.roundTrips == 1 ? "" : "s"); QBBridge said: \(report.closeConnection ?? "-")")
        }
        for job in try await store.jobs.list(companyID: companyID, kinds: [.paymentPost], limit: 1000).sorted(by: { $0.sequence < $1.sequence }) {
            let payload = try? PaymentPayload(json: job.payload)
            let label = "\(job.externalID ?? job.id.rawValue) \(payload?.amount ?? "") from \(payload?.customer.fullName ?? "?")"
            switch job.status {
            case .posted:
                lines.append("  posted   \(label) → QuickBooks TxnID \(job.txnID ?? "?")")
            case .failed:
                let failure = try await store.failures.open(forJob: job.id)
                let steps = failure?.resolution ?? []
                lines.append("  FAILED   \(label): [\(failure?.category.rawValue ?? "?")] \(failure?.title ?? "")")
                if let summary = failure?.summary { lines.append("           \(summary)") }
                if let first = steps.first { lines.append("           First step: \(first)") }
                if failure?.autoRecheck == true { lines.append("           QBBridge re-checks this one at every sync and posts it once the invoice allows.") }
            default:
                lines.append("  \(job.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(label)")
            }
        }
        let resolved = try await store.failures.list(companyID: companyID, statuses: [.resolved], connectionOnly: false)
        for record in resolved where record.jobID != nil {
            lines.append("  resolved [\(record.category.rawValue)] \(record.title): \(record.reason ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    private func applications(of payload: PaymentPayload) async throws -> [(invoice: TxnID, amount: Money)] {
        var result: [(invoice: TxnID, amount: Money)] = []
        for application in payload.applications {
            let amount = Money(application.amount) ?? .zero
            if let txnID = application.invoice.txnId {
                result.append((TxnID(txnID), amount))
            } else if let ref = application.invoice.refNumber, let invoice = await quickBooks.invoices(refNumber: ref).first, let id = invoice.txnID {
                result.append((id, amount))
            }
        }
        return result
    }
}

struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
