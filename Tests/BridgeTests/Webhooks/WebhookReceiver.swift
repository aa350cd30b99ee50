import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What a test's receiver on 127.0.0.1 saw: every request with its Standard Webhooks headers, which of the
/// secrets it knows verified the signature, and the answers it was told to give.
actor WebhookInbox {
    struct Received: Sendable {
        var id: String
        var timestamp: String
        var signature: String
        var body: String
        var contentType: String?
        var userAgent: String?
        /// The secrets (of those the inbox trusts) whose signature is in the header and verifies.
        var verifiedBy: [String]
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        var type: String? { json["type"] as? String }
        var data: [String: String] { json["data"] as? [String: String] ?? [:] }
    }

    private(set) var received: [Received] = []
    private var secrets: [String] = []
    /// Statuses to answer with, in order; 200 once they run out.
    private var script: [Int] = []

    func trust(_ secret: String) { secrets.append(secret) }
    func answer(_ statuses: [Int]) { script = statuses }

    func record(id: String, timestamp: String, signature: String, body: String, contentType: String?, userAgent: String?) -> Int {
        let verified = secrets.filter {
            StandardWebhooksVerifier.verify(secret: $0, id: id, timestamp: timestamp, body: body, signatureHeader: signature)
        }
        received.append(Received(id: id, timestamp: timestamp, signature: signature, body: body, contentType: contentType,
                                 userAgent: userAgent, verifiedBy: verified))
        return script.isEmpty ? 200 : script.removeFirst()
    }

    /// Waits (polling, with a deadline) until `condition` holds of what was received.
    func wait(seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
              until condition: @Sendable ([Received]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while !condition(received) {
            guard ContinuousClock.now < deadline else {
                Issue.record("the receiver did not see what was expected within \(seconds) s; it saw \(received.count): \(received.map { "\($0.id) \($0.type ?? "?")" })",
                             sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// Runs a real HTTP receiver on 127.0.0.1 for the duration of `body`, which gets the inbox and the hook URL.
func withWebhookReceiver<R: Sendable>(_ body: @Sendable (WebhookInbox, String) async throws -> R) async throws -> R {
    let inbox = WebhookInbox()
    let router = Router()
    router.post("/hook") { request, _ -> Response in
        let bytes = try await request.body.collect(upTo: 1 << 20)
        let headers = request.headers
        func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
        let status = await inbox.record(id: header("webhook-id") ?? "", timestamp: header("webhook-timestamp") ?? "",
                                        signature: header("webhook-signature") ?? "", body: String(buffer: bytes),
                                        contentType: header("content-type"), userAgent: header("user-agent"))
        return Response(status: HTTPResponse.Status(code: status), body: .init(byteBuffer: ByteBuffer(string: "answered \(status)")))
    }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    return try await app.test(.live) { client in
        let port = try #require(client.port)
        return try await body(inbox, "http://127.0.0.1:\(port)/hook")
    }
}
