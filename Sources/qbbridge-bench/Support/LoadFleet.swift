import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Synchronization

/// The companies of a load run, each with its own generated QuickBooks whose open invoices its
/// payments pay in full. Names carry a random tag so that runs can share a PostgreSQL database.
struct LoadFleet: Sendable {
    struct Member: Sendable {
        var company: BenchAPI.Company
        var quickBooks: FakeQuickBooks
        var invoices: [Invoice]
    }

    let members: [Member]
    let api: BenchAPI
    let base: String
    let tag: String

    /// Creates the companies through the API (bcrypt makes this the slow part) and their QuickBooks.
    static func make(companies: Int, paymentsPerCompany: Int, seed: UInt64, api: BenchAPI, bases: [String]) async throws -> LoadFleet {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let members = Mutex<[Int: Member]>([:])
        try await forEachConcurrently(Array(0..<companies), width: 8) { index in
            let quickBooks = try FakeQuickBooks.generated(customers: 4, invoices: max(30, paymentsPerCompany * 3), seed: seed &+ UInt64(index))
            let invoices = Array(await quickBooks.openInvoices().prefix(paymentsPerCompany))
            guard invoices.count == paymentsPerCompany else { throw BenchError("company \(index): only \(invoices.count) open invoices generated") }
            let company = try await api.createCompany(base: bases[index % bases.count], name: "Load \(tag) \(index)",
                                                      username: "load-\(tag)-\(index)", password: "load-password-\(tag)-\(index)")
            members.withLock { $0[index] = Member(company: company, quickBooks: quickBooks, invoices: invoices) }
        }
        let ordered = members.withLock { all in (0..<companies).compactMap { all[$0] } }
        return LoadFleet(members: ordered, api: api, base: bases[0], tag: tag)
    }

    /// Queues every payment; returns their ids, per company.
    func enqueuePayments() async throws -> [[String]] {
        let ids = Mutex<[Int: [String]]>([:])
        try await forEachConcurrently(Array(members.enumerated()), width: 16) { index, member in
            var mine: [String] = []
            for (number, invoice) in member.invoices.enumerated() {
                mine.append(try await api.enqueueFullPayment(base: base, companyID: member.company.id,
                                                             externalID: "load-\(tag)-\(index)-\(number)", invoice: invoice))
            }
            ids.withLock { $0[index] = mine }
        }
        return ids.withLock { all in members.indices.map { all[$0] ?? [] } }
    }

    /// Queues `perCompany` raw requests for every company (a customer query each, as an upstream app reading
    /// QuickBooks through QBBridge sends them); returns their ids, per company.
    func enqueueRawRequests(perCompany: Int, round: Int = 0) async throws -> [[String]] {
        let ids = Mutex<[Int: [String]]>([:])
        try await forEachConcurrently(Array(members.enumerated()), width: 16) { index, member in
            var mine: [String] = []
            for number in 0..<perCompany {
                mine.append(try await enqueueRawRequest(member, externalID: "raw-\(tag)-\(index)-\(round)-\(number)"))
            }
            ids.withLock { $0[index] = mine }
        }
        return ids.withLock { all in members.indices.map { all[$0] ?? [] } }
    }

    /// Queues one raw request for a company; returns its id.
    func enqueueRawRequest(_ member: Member, externalID: String) async throws -> String {
        let qbxml = #"<CustomerQueryRq requestID="1"><MaxReturned>2</MaxReturned></CustomerQueryRq>"#
        let body = #"{"externalId": "\#(externalID)", "qbxml": "\#(qbxml.replacingOccurrences(of: "\"", with: "\\\""))"}"#
        let json = try await api.send(base + "/api/v1/companies/\(member.company.id)/requests", body: body)
        guard let id = json["id"] as? String else { throw BenchError("queueing a raw request answered no id: \(json)") }
        return id
    }

    /// What became of the raw requests: answered, failed, or neither (still waiting: a lost request).
    func verifyRawRequests(_ ids: [[String]]) async throws -> (answered: Int, failed: Int, other: Int) {
        var counts = (answered: 0, failed: 0, other: 0)
        for id in ids.joined() {
            switch try await api.send(base + "/api/v1/requests/\(id)", body: nil)["status"] as? String {
            case "answered"?: counts.answered += 1
            case "failed"?: counts.failed += 1
            default: counts.other += 1
            }
        }
        return counts
    }

    /// What became of the payments, in the bridge and in each company's QuickBooks.
    struct Check: Sendable {
        var posted = 0, failed = 0, other = 0
        /// Posted and in QuickBooks once: the only good end for a posted payment.
        var once = 0
        /// Posted in the bridge but absent from QuickBooks.
        var missing = 0
        /// In QuickBooks more than once, whatever the bridge says.
        var duplicates = 0
        /// In QuickBooks although the bridge does not say posted.
        var unreported = 0
    }

    /// Reads every payment back through the API and counts it in its QuickBooks by the marker the
    /// bridge stamps on each ReceivePayment.
    func verify(paymentIDs: [[String]]) async throws -> Check {
        var check = Check()
        for (member, ids) in zip(members, paymentIDs) {
            for id in ids {
                let status = try await api.payment(base: base, id: id).status
                switch status {
                case "posted": check.posted += 1
                case "failed": check.failed += 1
                default: check.other += 1
                }
                let count = await member.quickBooks.payments(externalGUID: PaymentMarker.externalGUID(for: JobID(id)).rawValue).count
                switch (status == "posted", count) {
                case (_, 2...): check.duplicates += 1
                case (true, 1): check.once += 1
                case (true, _): check.missing += 1
                case (false, 1): check.unreported += 1
                case (false, _): break
                }
            }
        }
        return check
    }
}
