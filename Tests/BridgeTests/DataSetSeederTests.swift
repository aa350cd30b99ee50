@testable import Bridge
import Domain
import Store
import Testing
import QBBridgeTesting

/// `qbbridge seed` (DataSetSeeder): generated data sets for measuring at scale must be real work that the
/// session drivers can read, queued behind what was there, and history that lands where it was asked for.
@Suite("Generated data sets", .tagFilter)
struct DataSetSeederTests {
    @Test("a filled queue sits behind the company's own work, and each generated job is a raw request the driver can send")
    func filledQueueIsRealWorkBehindTheQueue() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let company = try await store.companies.create(StoreBehaviourTests.newCompany("deep"), actor: "test")
            let own = try await RawRequestService(store: store).enqueue(
                RawRequestInput(qbxml: #"<ItemQueryRq requestID="mine"><MaxReturned>1</MaxReturned></ItemQueryRq>"#),
                companyID: company.id, actor: "test")
            let seeder = DataSetSeeder(store: store)
            try await seeder.fillQueue(companyID: company.id, kind: .raw, count: 1_200)
            #expect(try await store.jobs.pendingCount(companyID: company.id, upTo: 5_000) == 1_201)

            let first = try await store.jobs.claim(companyID: company.id, sessionID: "s", limit: 2, kinds: [.rawRequest])
            guard case .created(let ownJob) = own else { Issue.record("not created"); return }
            #expect(first.first?.id == ownJob.id)
            let generated = try #require(first.last)
            let payload = try #require(RawRequestPayload(json: generated.payload))
            #expect(try payload.request().elementName == "CustomerQueryRq")
        }
    }

    @Test("history creates the companies and spreads the answered jobs over them; seeded companies cannot log in")
    func historyIsSpreadOverTheCompanies() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let created = try await DataSetSeeder(store: store).seedHistory(companies: 4, jobs: 1_000)
            #expect(created.count == 4)
            for id in created {
                let jobs = try await store.jobs.list(companyID: id, kinds: [.rawRequest], statuses: [.posted], limit: 1_000)
                #expect(jobs.count == 250)
            }
            let credentials = try #require(try await store.companies.credentials(username: "seed-1"))
            #expect(await PasswordHasher(cost: 4).verify("seed-1", hash: credentials.passwordHash, cacheKey: "x") == false)
        }
    }
}
