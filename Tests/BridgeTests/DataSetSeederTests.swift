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

    @Test("an installation in operation has companies in every state, readable payments, failure records in Triage's words and activity")
    func operationsDataSet() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            let made = try await DataSetSeeder(store: store).seedOperations(companies: 100, jobs: 5_000, failures: 120)
            #expect(made.companies == 100 && made.jobs == 5_000)
            #expect(made.failures == 120, "two connection problems and 118 failed payments")
            #expect(made.openFailures > 0 && made.openFailures < made.failures)
            #expect(made.activity > made.failures)

            let records = BridgeServices(store: store, configuration: BridgeConfiguration(), logger: TestDatabase.logger).records
            let dashboard = try await records.dashboard(search: nil, order: .name, page: 0)
            #expect(dashboard.companiesTotal == 100)
            let reasons = Set(dashboard.attention.map(\.overview.attention))
            #expect(reasons == [.connection, .notSynced, .openFailures], "\(reasons)")
            #expect((10...30).contains(dashboard.attentionTotal), "\(dashboard.attentionTotal)")

            let payments = try await records.payments(statuses: [.failed], limit: 1_000)
            #expect(payments.items.count == 118)
            #expect(payments.items.allSatisfy { (try? PaymentPayload(json: $0.job.payload)) != nil && $0.job.externalID != nil })
            let open = try await records.failures(companyID: nil, statuses: [.open], category: nil, includeDeleted: false, before: nil, limit: 1_000)
            #expect(open.items.allSatisfy { !$0.title.isEmpty && !$0.resolution.isEmpty })
            #expect(try await records.payments(statuses: [.queued], limit: 1_000).items.count > 0)
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
