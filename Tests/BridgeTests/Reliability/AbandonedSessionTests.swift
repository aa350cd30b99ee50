import Bridge
import Foundation
import QBSimulator
import Domain
import Store
import Testing
import QBBridgeTesting

/// A Web Connector that was closed, crashed or lost power mid-session and comes back (issue 26, item 3): with
/// nothing outstanding with QuickBooks it takes its session over at once instead of being told `busy` for the
/// stale period; with a request outstanding it waits the shorter grace, and the payments are looked up before
/// anything is sent again. Nothing posts twice either way.
@Suite("Abandoned sessions", .tagFilter)
struct AbandonedSessionTests {
    @Test("a Web Connector that stopped between calls is taken over at once by the next run; every payment posts once")
    func idleSessionIsTakenOverAtOnce() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 301)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            var jobs: [JobID] = []
            for (index, invoice) in (await quickBooks.openInvoices()).prefix(3).enumerated() {
                jobs.append(try await lab.pay("idle-\(index)", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                              invoice: (invoice.txnID?.rawValue, nil)))
            }
            let crashed = await lab.webConnector.runSession(faults: [.stopAfter(roundTrip: 1)])
            #expect(crashed.outcome != .completed)
            let open = try #require(try await bridge.store.sessions.openSession(companyID: lab.company.id), "the crashed session is still open")
            #expect(open.requestsSent == open.responsesReceived, "nothing outstanding")

            let back = await lab.webConnector.runSession()
            #expect(back.outcome == .completed, "\(back.outcome) \(back.errors)")
            for job in jobs { try await LostMessagesTests().expectPostedOnce(job, lab) }
            let replaced = try await bridge.store.activity.list(companyID: lab.company.id, limit: 50).first { $0.action == "session.replaced" }
            #expect(replaced?.detail.contains("nothing was outstanding") == true, "\(String(describing: replaced))")
        }
    }

    @Test("a Web Connector that died with a request outstanding keeps the company for the grace period; then the next run takes over, looks the payment up and posts nothing twice")
    func outstandingSessionWaitsForTheGrace() async throws {
        try await withRunningBridge { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 302))
            let (job, _) = try await lab.payOpenInvoice("outstanding")
            let hand = try await HandDrivenConnector(lab)
            let ticket = try await hand.authenticate()
            let request = try await hand.exchange(ticket: ticket, until: "ReceivePaymentAddRq")
            // QuickBooks applies the post; its answer never reaches the bridge (the Web Connector died).
            _ = try await hand.quickBooksAnswer(request)

            let early = await lab.webConnector.runSession()
            #expect(early.outcome == .busy, "a request is outstanding: \(early.outcome)")
            // The grace (5 minutes) passes: the session's last call is moved back rather than waited for, so the
            // test does not depend on how fast the machine is.
            let held = try #require(try await bridge.store.sessions.openSession(companyID: lab.company.id))
            try await bridge.store.sessions.save(held, now: Timestamp.now.adding(seconds: -(BridgeConfiguration().sessionOutstandingGraceSeconds + 1)))
            let back = await lab.webConnector.runSession()
            #expect(back.outcome == .completed, "\(back.outcome) \(back.errors)")
            await lab.sync()
            try await LostMessagesTests().expectPostedOnce(job, lab)
        }
    }

    @Test("a call of a session taken over meanwhile saves nothing and hands out no work; its claimed jobs go back to the queue")
    func takenOverCallSavesNothing() async throws {
        try await withRunningBridge { bridge async throws in
            let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 4, invoices: 20, seed: 303))
            let (job, _) = try await lab.payOpenInvoice("race")
            let hand = try await HandDrivenConnector(lab)
            let first = try await hand.authenticate()
            let second = try await hand.authenticate()
            #expect(first != second, "nothing was outstanding: the second authenticate took the session over")
            #expect(try await hand.sendRequest(ticket: first, first: true).isEmpty, "the replaced ticket gets no work")
            #expect(try await lab.job(job).status == .queued)
            #expect(try await hand.runToEnd(ticket: second).progress == 100)
            _ = try await hand.close(ticket: second)
            try await LostMessagesTests().expectPostedOnce(job, lab)
        }
    }

    @Test("with a grace: nothing outstanding is taken over at once; a request outstanding keeps the company until the grace has passed (SQLite)")
    func takeoverRulesOnSQLite() async throws { try await takeoverRules(.sqlite) }

    @Test("with a grace: nothing outstanding is taken over at once; a request outstanding keeps the company until the grace has passed (PostgreSQL)",
          .tags(.postgres), .requires(.postgres))
    func takeoverRulesOnPostgreSQL() async throws { try await takeoverRules(.postgres) }

    func takeoverRules(_ engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("rules"), actor: "test")
            let start = Timestamp.now
            guard case .opened(var first, _) = try await store.sessions.open(companyID: company.id, ticket: "t-1", staleAfterSeconds: 900,
                                                                               outstandingGraceSeconds: 300, now: start) else {
                Issue.record("first session did not open"); return
            }
            // A request document handed out, no answer yet: outstanding.
            first.requestsSent = 1
            try await store.sessions.save(first, now: start)
            guard case .busy = try await store.sessions.open(companyID: company.id, ticket: "t-2", staleAfterSeconds: 900,
                                                             outstandingGraceSeconds: 300, now: start.adding(seconds: 60)) else {
                Issue.record("a session waiting for QuickBooks was taken over inside the grace"); return
            }
            guard case .opened(var second, let replaced) = try await store.sessions.open(companyID: company.id, ticket: "t-3", staleAfterSeconds: 900,
                                                                                        outstandingGraceSeconds: 300, now: start.adding(seconds: 301)) else {
                Issue.record("the grace passed but the session was not taken over"); return
            }
            #expect(replaced == first.id)
            // Answered: nothing outstanding, so the next authenticate takes over at once.
            second.requestsSent = 1
            second.responsesReceived = 1
            try await store.sessions.save(second, now: start.adding(seconds: 302))
            guard case .opened(_, let again) = try await store.sessions.open(companyID: company.id, ticket: "t-4", staleAfterSeconds: 900,
                                                                             outstandingGraceSeconds: 300, now: start.adding(seconds: 303)) else {
                Issue.record("an idle session was not taken over"); return
            }
            #expect(again == second.id)
            // Without a grace (the store's callers that ask for it only), a live session is busy as before.
            guard case .busy = try await store.sessions.open(companyID: company.id, ticket: "t-5", staleAfterSeconds: 900,
                                                             now: start.adding(seconds: 304)) else {
                Issue.record("without a grace a live session was taken over"); return
            }
        }
    }

    @Test("the old session's save after a takeover is refused whole: its jobs stay released and it is not reopened (SQLite)")
    func oldSaveIsRefusedOnSQLite() async throws { try await oldSaveIsRefused(.sqlite) }

    @Test("the old session's save after a takeover is refused whole: its jobs stay released and it is not reopened (PostgreSQL)",
          .tags(.postgres), .requires(.postgres))
    func oldSaveIsRefusedOnPostgreSQL() async throws { try await oldSaveIsRefused(.postgres) }

    func oldSaveIsRefused(_ engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("race"), actor: "test")
            _ = try await store.jobs.enqueue(NewJob(companyID: company.id, kind: .rawRequest, externalID: "r", bodyHash: "h", payload: "{}"), actor: "test")
            guard case .opened(var old, _) = try await store.sessions.open(companyID: company.id, ticket: "t-1", staleAfterSeconds: 900,
                                                                             outstandingGraceSeconds: 300) else {
                Issue.record("first session did not open"); return
            }
            let claimed = try await store.jobs.claim(companyID: company.id, sessionID: old.id, limit: 1, kinds: [.rawRequest])
            let job = try #require(claimed.first)
            // A second Web Connector takes over between the old session's claim and its save.
            guard case .opened(_, let replaced) = try await store.sessions.open(companyID: company.id, ticket: "t-2", staleAfterSeconds: 900,
                                                                                outstandingGraceSeconds: 300) else {
                Issue.record("the takeover did not happen"); return
            }
            #expect(replaced == old.id)
            var commit = SessionCommit()
            commit.sent = [job.id]
            old.requestsSent = 1
            await #expect(throws: StoreError.sessionEnded(id: old.id)) { try await store.sessions.save(old, with: commit) }
            let stored = try #require(try await store.jobs.find(job.id))
            #expect(stored.status == .queued)
            #expect(stored.sentAt == nil, "the refused save marked nothing sent")
            #expect(try await store.sessions.find(ticket: "t-1")?.state == .replaced)
            try await store.sessions.save(old)
            #expect(try await store.sessions.find(ticket: "t-1")?.state == .replaced, "a plain save does not reopen it")
        }
    }
}
