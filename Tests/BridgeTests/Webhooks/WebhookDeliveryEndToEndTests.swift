import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Server
import Domain
import Store
import Testing
import QBBridgeTesting

/// Webhooks end to end (issue 24, "Must show"): a live bridge, a simulated Web Connector and QuickBooks, and a
/// real HTTP receiver on 127.0.0.1 that checks every signature with the test's own verifier.
@Suite("Signed webhooks end to end", .tagFilter)
struct WebhookDeliveryEndToEndTests {
    /// Loopback http allowed, the outbox polled every 20 ms, the retry schedule in tenths of milliseconds.
    static func fast(_ configuration: inout ServerConfiguration) {
        configuration.bridge.webhooks.allowInsecure = true
        configuration.bridge.webhooks.pollSeconds = 0.02
        configuration.bridge.webhooks.retryScale = 0.0001
    }

    /// Registers the receiver for every event and tells it the secret.
    static func register(_ bridge: RunningBridge, inbox: WebhookInbox, url: String, events: String = #"["*"]"#,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> (id: String, secret: String) {
        let response = try await bridge.api(.post, "/webhooks", json: #"{"url": "\#(url)", "events": \#(events), "description": "test receiver"}"#)
        #expect(response.status == .created, "\(String(buffer: response.body))", sourceLocation: sourceLocation)
        let json = try PaymentAPITests.json(response)
        let secret = try #require(json["secret"] as? String, sourceLocation: sourceLocation)
        await inbox.trust(secret)
        return (try #require(json["id"] as? String, sourceLocation: sourceLocation), secret)
    }

    static func deliveries(_ bridge: RunningBridge, _ id: String) async throws -> [[String: Any]] {
        let response = try await bridge.api(.get, "/webhooks/\(id)/deliveries")
        return try #require(try PaymentAPITests.json(response)["deliveries"] as? [[String: Any]])
    }

    @Test("a payment that posts sends one payment.posted, signed, with the Standard Webhooks headers and the payment's ids")
    func paymentPosted() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 7))
                let hook = try await Self.register(bridge, inbox: inbox, url: url, events: #"["payment.posted", "payment.failed"]"#)
                let (job, open) = try await lab.payOpenInvoice("inv-1")
                await lab.sync()
                try await inbox.wait { $0.count >= 1 }
                // Nothing else arrives: give the sender a few more polls.
                try await Task.sleep(for: .milliseconds(300))
                let received = await inbox.received
                #expect(received.count == 1)
                let delivery = try #require(received.first)
                #expect(delivery.verifiedBy == [hook.secret])
                #expect(delivery.id.hasPrefix("msg_"))
                #expect(delivery.contentType == "application/json")
                #expect(delivery.userAgent?.hasPrefix("QBBridge/\(QBBridgeVersion.current)") == true)
                #expect(delivery.type == "payment.posted")
                let posted = try await lab.job(job)
                #expect(delivery.data["paymentId"] == job.rawValue)
                #expect(delivery.data["externalId"] == "inv-1")
                #expect(delivery.data["companyId"] == lab.company.id.rawValue)
                #expect(delivery.data["txnId"] == posted.txnID)
                #expect(delivery.data["amount"] == "\(open.balance)")
                #expect(delivery.json["timestamp"] is String)
                let listed = try await Self.deliveries(bridge, hook.id)
                #expect(listed.count == 1)
                #expect(listed.first?["status"] as? String == "succeeded")
                #expect(listed.first?["eventId"] as? String == delivery.id)
                #expect((listed.first?["attempts"] as? [[String: Any]])?.first?["statusCode"] as? Int == 200)
            }
        }
    }

    @Test("a receiver that answers 500 twice gets the same event three times with the same webhook-id, then it succeeds")
    func retriedWithTheSameID() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 8))
                let hook = try await Self.register(bridge, inbox: inbox, url: url, events: #"["payment.posted"]"#)
                await inbox.answer([500, 500])
                _ = try await lab.payOpenInvoice("retry-1")
                await lab.sync()
                try await inbox.wait { $0.count >= 3 }
                try await Task.sleep(for: .milliseconds(300))
                let received = await inbox.received
                #expect(received.count == 3)
                #expect(Set(received.map(\.id)).count == 1, "one event, one webhook-id")
                #expect(received.allSatisfy { $0.verifiedBy == [hook.secret] })
                #expect(Set(received.map(\.body)).count == 1, "the same bytes each time")
                let listed = try await Self.deliveries(bridge, hook.id)
                #expect(listed.first?["status"] as? String == "succeeded")
                let codes = (listed.first?["attempts"] as? [[String: Any]])?.compactMap { $0["statusCode"] as? Int }
                #expect(codes == [500, 500, 200])
            }
        }
    }

    @Test("a receiver that answers 410 has its endpoint disabled, and nothing more is sent to it")
    func goneDisables() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 9))
                let hook = try await Self.register(bridge, inbox: inbox, url: url)
                await inbox.answer([410])
                _ = try await lab.payOpenInvoice("gone-1")
                await lab.sync()
                try await inbox.wait { $0.count >= 1 }
                try await Task.sleep(for: .milliseconds(300))
                let endpoint = try PaymentAPITests.json(try await bridge.api(.get, "/webhooks/\(hook.id)"))
                #expect(endpoint["enabled"] as? Bool == false)
                #expect((endpoint["disabledReason"] as? String)?.contains("410") == true)
                #expect(try await Self.deliveries(bridge, hook.id).first?["status"] as? String == "failed")
                // Later changes are not sent while it is disabled.
                _ = try await lab.payOpenInvoice("gone-2")
                await lab.sync()
                try await Task.sleep(for: .milliseconds(300))
                #expect(await inbox.received.count == 1)
                // The dashboard names it, with the reason.
                try await UIClient.addAdmin(bridge)
                var browser = UIClient(bridge)
                try await browser.signIn()
                let dashboard = try await browser.get("/")
                #expect(dashboard.body.contains("Webhooks disabled by QBBridge"))
                #expect(dashboard.body.contains("href=\"/webhooks/\(hook.id)\""))
                #expect(dashboard.body.contains("410 Gone"))
            }
        }
    }

    @Test("a replayed delivery is sent again now with the same webhook-id and body")
    func replay() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 10))
                let hook = try await Self.register(bridge, inbox: inbox, url: url, events: #"["payment.posted"]"#)
                _ = try await lab.payOpenInvoice("replay-1")
                await lab.sync()
                try await inbox.wait { $0.count >= 1 }
                let delivery = try #require(try await Self.deliveries(bridge, hook.id).first?["id"] as? String)
                let replay = try await bridge.api(.post, "/webhooks/\(hook.id)/deliveries/\(delivery)/replay")
                #expect(replay.status == .accepted)
                try await inbox.wait { $0.count >= 2 }
                let received = await inbox.received
                #expect(received.count == 2)
                #expect(received[0].id == received[1].id)
                #expect(received[0].body == received[1].body)
                #expect(received[1].verifiedBy == [hook.secret])
                let missing = try await bridge.api(.post, "/webhooks/\(hook.id)/deliveries/\(UUID().uuidString.lowercased())/replay")
                #expect(missing.status == .notFound)
            }
        }
    }

    @Test("after a rotation, deliveries carry two signatures, one verifiable with the new secret and one with the old")
    func rotation() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 11))
                let hook = try await Self.register(bridge, inbox: inbox, url: url, events: #"["payment.posted"]"#)
                let rotated = try PaymentAPITests.json(try await bridge.api(.post, "/webhooks/\(hook.id)/rotate-secret"))
                let newSecret = try #require(rotated["secret"] as? String)
                #expect(newSecret != hook.secret)
                #expect(rotated["previousSecretExpiresAt"] is String)
                await inbox.trust(newSecret)
                // The secret is shown only by create and rotate.
                #expect(try PaymentAPITests.json(try await bridge.api(.get, "/webhooks/\(hook.id)"))["secret"] == nil)
                _ = try await lab.payOpenInvoice("rotate-1")
                await lab.sync()
                try await inbox.wait { $0.count >= 1 }
                let delivery = try #require(await inbox.received.first)
                #expect(delivery.signature.split(separator: " ").count == 2)
                #expect(Set(delivery.verifiedBy) == [hook.secret, newSecret])
                #expect(delivery.signature.split(separator: " ").first.map { String($0) }
                        == WebhookSignature.sign(id: delivery.id, timestamp: Int64(delivery.timestamp) ?? 0, body: delivery.body, secret: newSecret))
            }
        }
    }

    @Test("a failure the bridge resolves by itself sends payment.failed, then failure.resolved and payment.posted, in that order")
    func failureThenResolved() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 2)
                let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
                _ = try await Self.register(bridge, inbox: inbox, url: url)
                let (job, open) = try await lab.payOpenInvoice("memo", minimumCents: 10001)
                let memo = try await quickBooks.applyCreditMemo(to: open.txnID, amount: Money(cents: 5_000)!)
                await lab.sync(maxSessions: 1)
                let failure = try #require(try await lab.failure(job))
                try await inbox.wait { $0.contains { $0.type == "payment.failed" } }
                try await quickBooks.unapplyCreditMemo(memo, from: open.txnID)
                _ = await lab.webConnector.runSession()
                try await inbox.wait { $0.contains { $0.type == "payment.posted" } }
                let types = await inbox.received.map { $0.type ?? "?" }
                #expect(types == ["payment.failed", "failure.resolved", "payment.posted"], "\(types)")
                let failed = try #require(await inbox.received.first)
                #expect(failed.data["failureId"] == failure.id.rawValue)
                #expect(failed.data["category"] == "amount_changed")
                #expect(await inbox.received.allSatisfy { !$0.verifiedBy.isEmpty })
            }
        }
    }

    @Test("a bridge stopped between the change and the delivery delivers the event after restart, once, with one webhook-id")
    func deliveredAfterRestart() async throws {
        try await withWebhookReceiver { inbox, url in
            try await TestDatabase.sqlite.withStore { store async throws in
                let stopped: ServerConfiguration = {
                    var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
                    configuration.bridge.bcryptCost = 4
                    Self.fast(&configuration)
                    configuration.bridge.webhooks.deliver = false
                    return configuration
                }()
                let token = try await store.tokens.create(label: "test", actor: "test")
                // First life: the payments post and their events are written, but this instance never sends.
                let jobs: [JobID] = try await ServerFactory.make(stopped, store).test(.live) { client in
                    let bridge = RunningBridge(client: client, store: store, token: token, configuration: stopped)
                    let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 3, invoices: 10, seed: 12))
                    _ = try await Self.register(bridge, inbox: inbox, url: url, events: #"["payment.posted"]"#)
                    var jobs: [JobID] = []
                    for (index, invoice) in await lab.quickBooks.openInvoices().prefix(3).enumerated() {
                        jobs.append(try await lab.pay("restart-\(index)", customer: try lab.customer(of: invoice), amount: invoice.balanceRemaining ?? .zero,
                                                      invoice: (invoice.txnID?.rawValue, nil)))
                    }
                    await lab.sync()
                    for job in jobs { #expect(try await lab.job(job).status == .posted) }
                    return jobs
                }
                try await Task.sleep(for: .milliseconds(200))
                #expect(await inbox.received.isEmpty, "nothing is sent before the restart")
                // Second life on the same database.
                var restarted = stopped
                restarted.bridge.webhooks.deliver = true
                try await ServerFactory.make(restarted, store).test(.live) { _ in
                    try await inbox.wait { $0.count >= 3 }
                    try await Task.sleep(for: .milliseconds(300))
                }
                let received = await inbox.received
                #expect(received.count == 3)
                #expect(Set(received.map(\.id)).count == 3, "exactly one webhook-id per event")
                #expect(Set(received.compactMap { $0.data["paymentId"] }) == Set(jobs.map(\.rawValue)))
                #expect(received.allSatisfy { !$0.verifiedBy.isEmpty })
            }
        }
    }

    @Test("registration refuses plain http, private and loopback addresses without --webhook-allow-insecure, and unknown event types")
    func registrationRules() async throws {
        try await withRunningBridge { bridge async throws in
            for url in ["http://127.0.0.1:9/hook", "https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://169.254.169.254/x"] {
                let response = try await bridge.api(.post, "/webhooks", json: #"{"url": "\#(url)", "events": ["*"]}"#)
                #expect(response.status == .unprocessableContent, "\(url): \(String(buffer: response.body))")
                #expect(String(buffer: response.body).contains("url"))
            }
            let unknown = try await bridge.api(.post, "/webhooks", json: #"{"url": "https://8.8.8.8/hook", "events": ["payment.teleported"]}"#)
            #expect(unknown.status == .unprocessableContent)
            let listed = try PaymentAPITests.json(try await bridge.api(.get, "/webhooks"))
            #expect((listed["webhooks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("endpoints are listed without secrets, changed with PATCH, deleted with DELETE; the secret is stored encrypted")
    func endpointLifecycle() async throws {
        try await withRunningBridge(configure: Self.fast) { bridge async throws in
            let created = try PaymentAPITests.json(try await bridge.api(.post, "/webhooks",
                                                                        json: #"{"url": "http://127.0.0.1:9/a", "events": ["payment.posted"]}"#))
            let id = try #require(created["id"] as? String)
            let secret = try #require(created["secret"] as? String)
            #expect(created["enabled"] as? Bool == true)
            #expect(created["companyId"] == nil, "an endpoint for every company has no companyId")
            let stored = try #require(try await bridge.store.webhooks.endpoint(WebhookEndpointID(id)))
            #expect(!stored.sealedSecret.contains(String(secret.dropFirst(6))), "the secret is not stored in clear")
            let listed = try PaymentAPITests.json(try await bridge.api(.get, "/webhooks"))
            let row = try #require((listed["webhooks"] as? [[String: Any]])?.first)
            #expect(row["secret"] == nil)
            let patched = try PaymentAPITests.json(try await bridge.api(.patch, "/webhooks/\(id)",
                                                                        json: #"{"enabled": false, "events": ["*"], "description": "paused"}"#))
            #expect(patched["enabled"] as? Bool == false)
            #expect(patched["events"] as? [String] == ["*"])
            #expect(patched["description"] as? String == "paused")
            #expect(try await bridge.api(.delete, "/webhooks/\(id)").status == .noContent)
            #expect(try await bridge.api(.get, "/webhooks/\(id)").status == .notFound)
        }
    }

    @Test("a finished pull sends pull.finished and an answered raw request sends request.answered, each naming its job")
    func pullAndRequest() async throws {
        try await withWebhookReceiver { inbox, url in
            try await withRunningBridge(configure: Self.fast) { bridge async throws in
                let lab = try await PaymentLab.make(bridge, quickBooks: try FakeQuickBooks.generated(customers: 30, invoices: 40, seed: 13))
                _ = try await Self.register(bridge, inbox: inbox, url: url, events: #"["pull.finished", "request.answered"]"#)
                let pull = try PaymentAPITests.json(try await bridge.api(.post, "/companies/\(lab.company.id)/pulls",
                                                                         json: #"{"kind": "customers", "pageSize": 10}"#))
                let request = try PaymentAPITests.json(try await bridge.api(.post, "/companies/\(lab.company.id)/requests",
                    json: #"{"qbxml": "<CustomerQueryRq requestID=\"q\"><MaxReturned>1</MaxReturned></CustomerQueryRq>"}"#))
                await lab.sync()
                try await inbox.wait { $0.count >= 2 }
                try await Task.sleep(for: .milliseconds(300))
                let received = await inbox.received
                #expect(received.count == 2, "\(received.map { $0.type ?? "?" })")
                let finished = try #require(received.first { $0.type == "pull.finished" })
                #expect(finished.data["pullId"] == pull["id"] as? String)
                #expect(finished.data["status"] == "posted")
                let answered = try #require(received.first { $0.type == "request.answered" })
                #expect(answered.data["requestId"] == request["id"] as? String)
                #expect(received.allSatisfy { !$0.verifiedBy.isEmpty })
            }
        }
    }
}
