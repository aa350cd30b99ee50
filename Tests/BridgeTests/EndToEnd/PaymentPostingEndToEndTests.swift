import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Payment posting end to end: simulated Web Connector and QuickBooks over HTTP", .tagFilter)
struct PaymentPostingEndToEndTests {
    @Test("100 payments, full and partial, by TxnID and by RefNumber, post exactly once with the right balances", .tags(.slow))
    func hundredPayments() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 25, invoices: 400, seed: 42)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let open = await quickBooks.openInvoices()
            var seenRefs: [String: Int] = [:]
            for invoice in await quickBooks.invoices() { seenRefs[invoice.refNumber ?? "", default: 0] += 1 }
            let chosen = Array(open.filter { seenRefs[$0.refNumber ?? ""] == 1 && ($0.balanceRemaining ?? .zero) >= Money(cents: 200)! }.prefix(100))
            try #require(chosen.count == 100)
            let paymentsBefore = await quickBooks.payments().count
            var expected: [(job: JobID, invoice: TxnID, amount: Money, balance: Money)] = []
            for (index, invoice) in chosen.enumerated() {
                let balance = try #require(invoice.balanceRemaining)
                let amount = index % 3 == 0 ? Money(cents: balance.cents / 2)! : balance
                let txnID = try #require(invoice.txnID)
                let byTxnID = index % 2 == 0
                let job = try await lab.pay("p\(index)", customer: try lab.customer(of: invoice), amount: amount,
                                            invoice: (byTxnID ? txnID.rawValue : nil, byTxnID ? nil : invoice.refNumber))
                expected.append((job, txnID, amount, balance))
            }
            let reports = await lab.sync()
            let roundTrips = reports.reduce(0) { $0 + $1.roundTrips }
            #expect(reports.first?.closeConnection?.contains("Posted 100 payments") == true, "\(reports.first?.closeConnection ?? "-")")
            #expect(roundTrips <= 4, "round trips: \(roundTrips)")
            #expect(await quickBooks.payments().count == paymentsBefore + 100)
            for item in expected {
                let job = try await lab.job(item.job)
                #expect(job.status == .posted)
                let txnID = try #require(job.txnID)
                let payment = try #require(await quickBooks.payment(TxnID(txnID)))
                #expect(payment.totalAmount == item.amount)
                #expect(payment.appliedTo.map(\.txnID) == [item.invoice])
                let invoice = try #require(await quickBooks.invoice(item.invoice))
                #expect(invoice.balanceRemaining == Money(cents: item.balance.cents - item.amount.cents))
            }
            // Nothing left: the next run gets "none", and nothing is posted twice.
            let next = await lab.webConnector.runSession()
            #expect(next.outcome == .noWork)
            #expect(await quickBooks.payments().count == paymentsBefore + 100)
        }
    }

    @Test("a payment on an invoice paid by hand becomes already_applied, naming the manual payment")
    func alreadyApplied() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 1)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("manual")
            let manual = try await quickBooks.payInvoiceByHand(open.txnID, refNumber: "CHK-881")
            let paymentsBefore = await quickBooks.payments().count
            await lab.sync()
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .alreadyApplied)
            #expect(failure.summary.contains(open.invoice.refNumber ?? "?"))
            #expect(failure.evidence.causes?.contains { $0.txnID == manual.rawValue } == true || failure.summary.contains("CHK-881"))
            #expect(!failure.autoRecheck)
            #expect(await quickBooks.payments().count == paymentsBefore, "nothing may be posted on a paid invoice")
        }
    }

    @Test("a credit memo makes amount_changed; un-applying it lets the payment post by itself on the next sync")
    func creditMemoRecheck() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 2)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("memo", minimumCents: 10001)
            let memo = try await quickBooks.applyCreditMemo(to: open.txnID, amount: Money(cents: 5_000)!)
            let first = await lab.sync(maxSessions: 1)
            #expect(first.first?.closeConnection?.contains("1 needs attention") == true)
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .amountChanged)
            #expect(failure.autoRecheck)
            #expect(failure.evidence.causes?.contains { $0.txnID == memo.rawValue } == true)
            // Still waiting: the next run is not "none" while the re-check is pending.
            try await quickBooks.unapplyCreditMemo(memo, from: open.txnID)
            let second = await lab.webConnector.runSession()
            #expect(second.outcome == .completed)
            let posted = try await lab.job(job)
            #expect(posted.status == .posted)
            #expect(posted.txnID != nil)
            #expect(try await lab.failure(job) == nil)
            let closed = try #require(try await bridge.store.failures.find(failure.id))
            #expect(closed.status == .resolved)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)
        }
    }

    @Test("a deleted and recreated invoice becomes invoice_missing with the recreated invoice as the candidate")
    func recreatedInvoice() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 3)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("recreated")
            let recreated = try await quickBooks.recreateInvoice(open.txnID)
            await lab.sync()
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .invoiceMissing)
            #expect(failure.evidence.candidate?.txnID == recreated.rawValue, "\(failure.evidence)")
            #expect(await quickBooks.invoice(recreated)?.balanceRemaining == open.balance, "the payment is never moved silently")
        }
    }

    @Test("an invoice changed between the check and the add is classified the same way (3210, then the follow-up check)")
    func changedBetweenCheckAndAdd() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 4)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("race", minimumCents: 10001)
            await quickBooks.setBeforeApplying { [quickBooks] _ in
                await quickBooks.setBeforeApplying(nil)
                _ = try? await quickBooks.applyCreditMemo(to: open.txnID, amount: Money(cents: 2_500)!)
            }
            let reports = await lab.sync(maxSessions: 1)
            #expect(reports.first?.roundTrips == 4, "company-file check, preflight, post, follow-up")
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .amountChanged)
            #expect(failure.statusCode == 3210)
        }
    }

    @Test("a lost response after QuickBooks applied the payment ends in exactly one payment, also across a server restart")
    func lostResponse() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qbbridge-lost-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let location = DatabaseLocation.sqlite(path: directory.appendingPathComponent("bridge.sqlite").path)
        let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 5)
        let invoice = try #require(await quickBooks.openInvoices().first)
        let txnID = try #require(invoice.txnID)
        let balance = try #require(invoice.balanceRemaining)
        let paymentsBefore = await quickBooks.payments().count
        let job = try await withBridge(on: location) { bridge in
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let job = try await lab.pay("lost", customer: try lab.customer(of: invoice), amount: balance, invoice: (txnID.rawValue, nil))
            let report = await lab.webConnector.runSession(faults: [.dropResponse(roundTrip: 3)])
            #expect(report.outcome == .interrupted)
            #expect(report.roundTrips == 3, "company-file check, preflight, then the post whose answer is lost")
            #expect(await quickBooks.payments().count == paymentsBefore + 1, "QuickBooks applied it")
            return job
        }
        // A new server process on the same database: the old session is stale, its job uncertain.
        try await withBridge(on: location) { bridge in
            let port = try #require(bridge.client.port)
            let company = try #require(try await bridge.store.companies.all().first)
            let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(port)", username: company.username, password: PaymentLab.password,
                                             quickBooks: quickBooks,
                                             configuration: WebConnectorConfiguration(ownerID: try await bridge.store.installation.ownerID(), fileID: company.fileID))
            let reports = await connector.runUntilIdle()
            #expect(reports.first?.outcome == .completed)
            let stored = try #require(try await bridge.store.jobs.find(job))
            #expect(stored.status == .posted)
            #expect(await quickBooks.payments().count == paymentsBefore + 1, "exactly one payment in QuickBooks")
            #expect(stored.txnID == (await quickBooks.payments().last?.txnID?.rawValue))
        }
    }

    @Test("reversing a posted payment deletes it in QuickBooks, the invoice reopens, and the payment says reversed")
    func refund() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 6)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("refund")
            await lab.sync()
            let posted = try await lab.job(job)
            let paymentTxnID = try #require(posted.txnID)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)
            let reverse = try await bridge.api(.post, "/payments/\(job)/reverse")
            #expect(reverse.status == .accepted)
            #expect(try PaymentAPITests.json(reverse)["status"] as? String == "reversing")
            await lab.sync()
            #expect(try await lab.job(job).status == .reversed)
            #expect(await quickBooks.payment(TxnID(paymentTxnID)) == nil)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == open.balance)
            let log = try await bridge.store.activity.list(companyID: lab.company.id)
            #expect(log.contains { $0.action == "payment.reversal_queued" })
            #expect(log.contains { $0.action == "payment.reversed" })
        }
    }

    /// A bridge on a given database file, with sessions considered stale at once (the restart case).
    func withBridge<R: Sendable>(on location: DatabaseLocation, _ body: @Sendable (RunningBridge) async throws -> R) async throws -> R {
        try await Database.withOpened(location, logger: TestDatabase.logger) { database in
            let store = Store(database: database)
            try await store.migrate()
            var configuration = ServerConfigurationFactory.make()
            configuration.bridge.sessionStaleAfterSeconds = 0
            let token = try await store.tokens.create(label: "test", actor: "test")
            let app = try ServerFactory.make(configuration, store)
            let frozen = configuration
            return try await app.test(.live) { client in
                try await body(RunningBridge(client: client, store: store, token: token, configuration: frozen))
            }
        }
    }
}

@Suite("Transient failures end to end", .tagFilter)
struct TransientFailureTests {
    @Test("a record locked in QuickBooks becomes record_locked with a backoff, and posts once the lock is gone")
    func recordLocked() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 8)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let invoice = try #require(await quickBooks.openInvoices().first)
            let txnID = try #require(invoice.txnID)
            let job = try await lab.pay("locked", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                        invoice: (txnID.rawValue, nil))
            await quickBooks.lock(txnID.rawValue)
            await lab.sync(maxSessions: 1)
            var stored = try await lab.job(job)
            #expect(stored.status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .recordLocked)
            #expect(failure.autoRecheck)
            let next = try #require(stored.nextAttemptAt)
            #expect(next > .now, "backed off, not retried at once")
            #expect(await lab.webConnector.runSession().outcome == .noWork, "nothing to do until the backoff ends")
            await quickBooks.unlock(txnID.rawValue)
            stored.nextAttemptAt = .now
            try await bridge.store.jobs.save(stored, activity: nil)
            await lab.sync(maxSessions: 1)
            #expect(try await lab.job(job).status == .posted)
            #expect(try await bridge.store.failures.find(failure.id)?.status == .resolved)
        }
    }
}
