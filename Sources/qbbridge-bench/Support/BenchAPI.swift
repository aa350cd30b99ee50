import AsyncHTTPClient
import Foundation
import NIOCore
import QBSimulator
import QBXML

/// The few JSON API calls the load and soak benchmarks make, with the bearer token of one
/// `qbbridge token create`. Every non-2xx answer is an error carrying the server's message.
struct BenchAPI: Sendable {
    let client: HTTPClient
    let token: String

    /// A company as the API returns it: what a `.qwc` would give its Web Connector.
    struct Company: Sendable {
        var id: String
        var username: String
        var password: String
        var ownerID: String?
        var fileID: String?
    }

    func createCompany(base: String, name: String, username: String, password: String) async throws -> Company {
        let body = #"{"name": "\#(name)", "username": "\#(username)", "password": "\#(password)"}"#
        let json = try await send(base + "/api/v1/companies", body: body)
        guard let id = json["id"] as? String else { throw BenchError("POST /companies answered no id: \(json)") }
        return Company(id: id, username: username, password: password, ownerID: json["ownerId"] as? String, fileID: json["fileId"] as? String)
    }

    /// Queues a payment of an invoice's whole open balance; returns the payment's id.
    func enqueueFullPayment(base: String, companyID: String, externalID: String, invoice: Invoice) async throws -> String {
        try await enqueuePayment(base: base, companyID: companyID, externalID: externalID, invoice: invoice,
                                 amount: "\(invoice.balanceRemaining ?? .zero)")
    }

    private func enqueuePayment(base: String, companyID: String, externalID: String, invoice: Invoice, amount: String) async throws -> String {
        let body = #"{"externalId": "\#(externalID)", "customer": {"fullName": "\#(invoice.customer?.fullName ?? "")"}, "amount": "\#(amount)", "date": "2026-11-20", "applications": [{"invoice": {"txnId": "\#(invoice.txnID?.rawValue ?? "")"}, "amount": "\#(amount)"}]}"#
        let json = try await send(base + "/api/v1/companies/\(companyID)/payments", body: body)
        guard let id = json["id"] as? String else { throw BenchError("enqueue answered no id: \(json)") }
        return id
    }

    /// A payment's status (`queued`, `in_flight`, `uncertain`, `posted`, `failed`, `dismissed`) and note.
    func payment(base: String, id: String) async throws -> (status: String, note: String?) {
        let json = try await send(base + "/api/v1/payments/\(id)", body: nil)
        return (json["status"] as? String ?? "?", json["note"] as? String)
    }

    /// POSTs `body` as JSON, or GETs when it is nil.
    func send(_ url: String, body: String?) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: url)
        request.method = body == nil ? .GET : .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        guard (200..<300).contains(response.status.code) else {
            throw BenchError("\(request.method) \(url) answered \(response.status): \(String(buffer: bytes).prefix(300))")
        }
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
    }
}

/// Runs `body` for each element with at most `width` running at once (set-up traffic, not measured).
func forEachConcurrently<Element: Sendable>(_ elements: [Element], width: Int,
                                            _ body: @escaping @Sendable (Element) async throws -> Void) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for (index, element) in elements.enumerated() {
            if index >= width { try await group.next() }
            group.addTask { try await body(element) }
        }
        try await group.waitForAll()
    }
}
