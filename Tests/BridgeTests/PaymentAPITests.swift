import Foundation
import HummingbirdTesting
import NIOCore
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Payments API: enqueueing, validation and idempotency", .tagFilter)
struct PaymentAPITests {
    static func body(externalId: String = "pay-1", amount: String = "1500.00", applications: String? = nil, date: String = "2026-11-20") -> String {
        let apps = applications ?? #"[{"invoice": {"txnId": "1A2B-1700000000"}, "amount": "\#(amount)"}]"#
        return #"{"externalId": "\#(externalId)", "customer": {"fullName": "Jasmine Desai"}, "amount": "\#(amount)", "date": "\#(date)", "paymentMethod": "Visa", "applications": \#(apps)}"#
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test("a new payment is 201 queued; the same key and body is 200 with the same job; another body is 409")
    func idempotency() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let created = try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body())
            #expect(created.status == .created)
            let first = try Self.json(created)
            #expect(first["status"] as? String == "queued")
            #expect(first["amount"] as? String == "1500.00")
            // Same body, keys in another order and the amount written differently, is the same payment.
            let reordered = #"{"applications": [{"amount": "1500", "invoice": {"txnId": "1A2B-1700000000"}}], "date": "2026-11-20", "amount": "1500.0", "paymentMethod": "Visa", "customer": {"fullName": "Jasmine Desai"}, "externalId": "pay-1"}"#
            let replay = try await bridge.api(.post, "/companies/\(company.id)/payments", json: reordered)
            #expect(replay.status == .ok)
            #expect(try Self.json(replay)["id"] as? String == first["id"] as? String)
            let conflict = try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body(amount: "1400.00"))
            #expect(conflict.status == .conflict)
            #expect(String(buffer: conflict.body).contains("already used for a different payment"))
            let read = try await bridge.api(.get, "/payments/\(first["id"] as? String ?? "")")
            #expect(try Self.json(read)["externalId"] as? String == "pay-1")
        }
    }

    @Test("concurrent identical POSTs create exactly one job")
    func concurrentIdenticalPosts() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let statuses = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        let response = try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body(externalId: "race"))
                        return (Int(response.status.code), try Self.json(response)["id"] as? String ?? "")
                    }
                }
                return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 1)
            #expect(statuses.filter { $0.0 == 200 }.count == 11)
            #expect(Set(statuses.map(\.1)).count == 1)
            #expect(try await bridge.store.jobs.list(companyID: company.id).count == 1)
        }
    }

    @Test("validation errors name every field at once", arguments: [
        (#"{}"#, ["externalId", "customer", "amount", "date"]),
        (#"{"externalId": "x", "customer": {"listId": "1", "fullName": "A"}, "amount": "-5", "date": "2026-02-30"}"#, ["customer", "amount", "date"]),
        (#"{"externalId": "x", "customer": {"fullName": "A"}, "amount": "10.001", "date": "2026-11-20"}"#, ["amount"]),
        (#"{"externalId": "x", "customer": {"fullName": "A"}, "amount": "100.00", "date": "2026-11-20", "applications": [{"invoice": {"txnId": "1"}, "amount": "60.00"}, {"invoice": {"refNumber": "1043"}, "amount": "30.00"}]}"#, ["applications"]),
        (#"{"externalId": "x", "customer": {"fullName": "A"}, "amount": "10.00", "date": "2026-11-20", "refNumber": "123456789012345678901"}"#, ["refNumber"]),
        (#"{"externalId": "x", "customer": {"fullName": "A"}, "amount": "10.00", "date": "2025-12-31"}"#, ["date"]),
    ])
    func validation(body: String, fields: [String]) async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await CompanyServiceFactory.make(bridge).create(
                .init(name: "Acme", username: "acme", password: "correct horse", syncStartDate: "2026-01-01"), actor: "test")
            let response = try await bridge.api(.post, "/companies/\(company.id)/payments", json: body)
            #expect(response.status == .unprocessableContent)
            let error = try #require(try Self.json(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "validation_failed")
            let named = try #require(error["fields"] as? [String: String])
            #expect(Set(named.keys) == Set(fields), "\(named)")
        }
    }

    @Test("unknown company is 404, malformed JSON 400, missing token 401")
    func errors() async throws {
        try await withRunningBridge { bridge async throws in
            let unknown = try await bridge.api(.post, "/companies/\(UUID().uuidString.lowercased())/payments", json: Self.body())
            #expect(unknown.status == .notFound)
            let company = try await bridge.addCompany()
            let malformed = try await bridge.api(.post, "/companies/\(company.id)/payments", json: "{not json")
            #expect(malformed.status == .badRequest)
            #expect(try Self.json(malformed)["error"] != nil)
            let unauthorized = try await bridge.api(.get, "/payments", token: "qbb_wrong")
            #expect(unauthorized.status == .unauthorized)
        }
    }

    @Test("payments can be polled by company, status and updatedSince")
    func polling() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            for index in 0..<3 {
                _ = try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body(externalId: "p\(index)"))
            }
            let all = try Self.json(try await bridge.api(.get, "/payments?companyId=\(company.id)&status=queued"))
            let items = try #require(all["payments"] as? [[String: Any]])
            #expect(items.count == 3)
            let last = try #require(items.last?["updatedAt"] as? String)
            let later = try Self.json(try await bridge.api(.get, "/payments?companyId=\(company.id)&updatedSince=\(last)"))
            #expect((later["payments"] as? [Any])?.isEmpty == true)
            let bad = try await bridge.api(.get, "/payments?status=lost")
            #expect(bad.status == .badRequest)
            let tooMany = try await bridge.api(.get, "/payments?limit=5000")
            #expect(tooMany.status == .badRequest)
            let error = try #require(try Self.json(tooMany)["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_query")
            #expect((error["fields"] as? [String: String])?["limit"] == "must be at most 1000")
        }
    }

    @Test("payments, failure records, companies and activity page by nextCursor; a cursor of another list or a made-up one is 422")
    func cursorPaging() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            _ = try await bridge.addCompany(name: "Second Co", username: "second")
            for index in 0..<5 {
                _ = try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body(externalId: "c\(index)"))
            }
            var seen: [String] = []
            var path = "/payments?companyId=\(company.id)&limit=2"
            for _ in 0..<5 {
                let page = try Self.json(try await bridge.api(.get, path))
                seen += (page["payments"] as? [[String: Any]] ?? []).compactMap { $0["externalId"] as? String }
                guard let next = page["nextCursor"] as? String else { break }
                path = "/payments?companyId=\(company.id)&limit=2&cursor=\(next)"
            }
            #expect(seen == ["c0", "c1", "c2", "c3", "c4"])

            let companies = try Self.json(try await bridge.api(.get, "/companies?limit=1"))
            let firstCompany = try #require((companies["companies"] as? [[String: Any]])?.first?["name"] as? String)
            let companyCursor = try #require(companies["nextCursor"] as? String)
            let rest = try Self.json(try await bridge.api(.get, "/companies?limit=1&cursor=\(companyCursor)"))
            #expect(firstCompany == "Acme Plumbing")
            #expect((rest["companies"] as? [[String: Any]])?.first?["name"] as? String == "Second Co")
            let searched = try Self.json(try await bridge.api(.get, "/companies?search=SECOND+co"))
            #expect((searched["companies"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Second Co"])

            let activity = try Self.json(try await bridge.api(.get, "/activity?limit=2"))
            let activityCursor = try #require(activity["nextCursor"] as? String)
            let older = try Self.json(try await bridge.api(.get, "/activity?limit=2&cursor=\(activityCursor)"))
            #expect((older["activity"] as? [[String: Any]])?.count == 2)
            #expect(Set(((activity["activity"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int })
                .isDisjoint(with: ((older["activity"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? Int }))

            for bad in ["/payments?cursor=\(companyCursor)", "/failures?cursor=bm90LWEtY3Vyc29y", "/companies?cursor=AAAA", "/activity?cursor=\(companyCursor)"] {
                let response = try await bridge.api(.get, bad)
                #expect(response.status == .unprocessableContent, "\(bad)")
                let error = try #require(try Self.json(response)["error"] as? [String: Any])
                #expect(error["code"] as? String == "invalid_cursor", "\(bad)")
            }
        }
    }

    @Test("only a posted payment can be reversed")
    func reverseRequiresPosted() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let created = try Self.json(try await bridge.api(.post, "/companies/\(company.id)/payments", json: Self.body()))
            let response = try await bridge.api(.post, "/payments/\(created["id"] as? String ?? "")/reverse")
            #expect(response.status == .conflict)
            #expect(String(buffer: response.body).contains("only a posted payment can be reversed"))
        }
    }
}

import Bridge

enum CompanyServiceFactory {
    static func make(_ bridge: RunningBridge) -> CompanyService {
        CompanyService(store: bridge.store, configuration: bridge.configuration.bridge, passwords: PasswordHasher(cost: 4))
    }
}
