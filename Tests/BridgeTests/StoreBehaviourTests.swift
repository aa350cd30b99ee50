import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("The store behaves the same on SQLite and PostgreSQL", .tagFilter)
struct StoreBehaviourTests {
    static func newCompany(_ username: String) -> NewCompany {
        NewCompany(name: "Acme \(username)", username: username, passwordHash: "$2b$04$hash", runEveryMinutes: 15, syncStartDate: "2026-01-01", readOnly: false)
    }

    @Test("migrations run once and are idempotent (SQLite)")
    func migrationsOnSQLite() async throws { try await migrations(engine: .sqlite) }

    @Test("migrations run once and are idempotent (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func migrationsOnPostgreSQL() async throws { try await migrations(engine: .postgres) }

    func migrations(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            #expect(try await store.migrate().isEmpty)
            #expect(try await Migrator(database: store.database).currentVersion() == Migrator.latestVersion)
        }
    }

    @Test("companies are created, listed and found; user names are unique ignoring case (SQLite)")
    func companiesOnSQLite() async throws { try await companies(engine: .sqlite) }

    @Test("companies are created, listed and found; user names are unique ignoring case (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func companiesOnPostgreSQL() async throws { try await companies(engine: .postgres) }

    func companies(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let acme = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            #expect(acme.fileID.hasPrefix("{") && acme.fileID.count == 38)
            await #expect(throws: StoreError.conflict(field: "username", value: "ACME")) {
                _ = try await store.companies.create(Self.newCompany("ACME"), actor: "test")
            }
            _ = try await store.companies.create(Self.newCompany("bolt"), actor: "test")
            #expect(try await store.companies.all().map(\.username) == ["acme", "bolt"])
            #expect(try await store.companies.credentials(username: "Acme")?.company.id == acme.id)
            #expect(try await store.companies.find(acme.id)?.syncStartDate == "2026-01-01")
            let updated = try await store.companies.update(acme.id, runEveryMinutes: 30, actor: "test")
            #expect(updated.runEveryMinutes == 30)
            let log = try await store.activity.list(companyID: acme.id)
            #expect(log.map(\.action) == ["company.updated", "company.created"])
        }
    }

    @Test("one open session per company; a stale one is replaced; tickets are found by hash (SQLite)")
    func sessionsOnSQLite() async throws { try await sessions(engine: .sqlite) }

    @Test("one open session per company; a stale one is replaced; tickets are found by hash (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func sessionsOnPostgreSQL() async throws { try await sessions(engine: .postgres) }

    func sessions(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            let start = Timestamp.now
            guard case .opened(let first, nil) = try await store.sessions.open(companyID: company.id, ticket: "t-1", staleAfterSeconds: 600, now: start) else {
                Issue.record("first session did not open"); return
            }
            guard case .busy(let holder) = try await store.sessions.open(companyID: company.id, ticket: "t-2", staleAfterSeconds: 600, now: start.adding(seconds: 10)) else {
                Issue.record("second session was not refused"); return
            }
            #expect(holder.id == first.id)
            guard case .opened(_, let replaced) = try await store.sessions.open(companyID: company.id, ticket: "t-3", staleAfterSeconds: 600, now: start.adding(seconds: 700)) else {
                Issue.record("stale session was not replaced"); return
            }
            #expect(replaced == first.id)
            #expect(try await store.sessions.find(ticket: "t-1")?.state == .replaced)
            #expect(try await store.sessions.find(ticket: "t-3")?.state == .open)
            #expect(try await store.sessions.find(ticket: "t-2") == nil)
            #expect(try await store.sessions.expireIdle(olderThanSeconds: 60, now: start.adding(seconds: 2000)) == 1)
            #expect(try await store.sessions.find(ticket: "t-3")?.state == .expired)
        }
    }

    @Test("concurrent opens for one company produce exactly one session (SQLite)")
    func concurrentOpensOnSQLite() async throws { try await concurrentOpens(engine: .sqlite) }

    @Test("concurrent opens for one company produce exactly one session (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func concurrentOpensOnPostgreSQL() async throws { try await concurrentOpens(engine: .postgres) }

    func concurrentOpens(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            let opened = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        if case .opened = try await store.sessions.open(companyID: company.id, ticket: "t-\(index)", staleAfterSeconds: 600) { return true }
                        return false
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(opened == 1)
        }
    }

    @Test("API tokens verify by hash and never store the token (SQLite)")
    func tokensOnSQLite() async throws { try await tokens(engine: .sqlite) }

    @Test("API tokens verify by hash and never store the token (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func tokensOnPostgreSQL() async throws { try await tokens(engine: .postgres) }

    func tokens(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let token = try await store.tokens.create(label: "billing", actor: "test")
            #expect(try await store.tokens.verify(token) == "billing")
            #expect(try await store.tokens.verify(token + "x") == nil)
            #expect(try await store.tokens.verify("qbb_" + String(repeating: "0", count: 64)) == nil)
            let log = try await store.activity.list()
            #expect(!log.contains { $0.detail.contains(token) })
        }
    }

    @Test("login throttle locks after five failures and clears on success (SQLite)")
    func throttleOnSQLite() async throws { try await throttle(engine: .sqlite) }

    @Test("login throttle locks after five failures and clears on success (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func throttleOnPostgreSQL() async throws { try await throttle(engine: .postgres) }

    func throttle(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            for attempt in 1...5 {
                let locked = try await store.throttle.recordFailure("qbwc:acme")
                #expect(locked == (attempt == 5))
            }
            #expect(try await store.throttle.isLocked("qbwc:acme"))
            try await store.throttle.recordSuccess("qbwc:acme")
            #expect(try await store.throttle.isLocked("qbwc:acme") == false)
        }
    }

    @Test("the installation OwnerID is created once and stays (SQLite)")
    func ownerIDOnSQLite() async throws { try await ownerID(engine: .sqlite) }

    @Test("the installation OwnerID is created once and stays (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func ownerIDOnPostgreSQL() async throws { try await ownerID(engine: .postgres) }

    func ownerID(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let first = try await store.installation.ownerID()
            #expect(try await store.installation.ownerID() == first)
            #expect(first.hasPrefix("{") && first.hasSuffix("}"))
        }
    }

    @Test("activity details mask secrets whatever the caller passes (SQLite)")
    func activityMaskingOnSQLite() async throws { try await activityMasking(engine: .sqlite) }

    @Test("activity details mask secrets whatever the caller passes (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func activityMaskingOnPostgreSQL() async throws { try await activityMasking(engine: .postgres) }

    func activityMasking(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await store.activity.append(NewActivity(actor: "test", companyID: nil, subject: "x", subjectID: nil, action: "x.y",
                                                        detail: ["password": "hunter22", "note": "fine"]))
            let entry = try #require(try await store.activity.list().first)
            #expect(!entry.detail.contains("hunter22"))
            #expect(entry.detail.contains("fine"))
        }
    }

    @Test("hex is two lower-case digits per byte, as String(format: \"%02x\") writes them")
    func hexEncoding() {
        let every = (0...255).map(UInt8.init)
        #expect(Hex.encode(every) == every.map { String(format: "%02x", $0) }.joined())
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test("activity details are stored as a JSON object with sorted keys that reads back to the same strings (SQLite)")
    func activityDetailJSONOnSQLite() async throws { try await activityDetailJSON(engine: .sqlite) }

    @Test("activity details are stored as a JSON object with sorted keys that reads back to the same strings (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func activityDetailJSONOnPostgreSQL() async throws { try await activityDetailJSON(engine: .postgres) }

    func activityDetailJSON(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let detail = ["zeta": "quote \" backslash \\ slash /", "alpha": "line\nbreak\ttab\u{01}bell", "mid": "café 🧾 日本"]
            try await store.activity.append(NewActivity(actor: "test", companyID: nil, subject: "x", subjectID: nil, action: "x.y", detail: detail))
            let entry = try #require(try await store.activity.list().first)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(entry.detail.utf8)) as? [String: String])
            #expect(parsed == detail)
            #expect(entry.detail.hasPrefix(#"{"alpha":"#))
            #expect(entry.detail.contains(#"\u0001"#))
        }
    }

    @Test("concurrent writes commit together yet stay apart: each is readable once it returns, a refused one leaves nothing (SQLite)")
    func groupedCommitsOnSQLite() async throws { try await groupedCommits(engine: .sqlite) }

    @Test("concurrent writes commit together yet stay apart: each is readable once it returns, a refused one leaves nothing (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func groupedCommitsOnPostgreSQL() async throws { try await groupedCommits(engine: .postgres) }

    func groupedCommits(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            // 60 writers at once: every third repeats an earlier external id with another body (a conflict,
            // refused inside its transaction); the rest are new jobs.
            let outcomes = try await withThrowingTaskGroup(of: (Int, Job?).self) { group in
                for index in 0..<60 {
                    group.addTask {
                        let key = index % 3 == 2 ? "job-\(index - 1)" : "job-\(index)"
                        let new = NewJob(companyID: company.id, kind: .paymentPost, externalID: key, bodyHash: "body-\(index)", payload: "{}")
                        do {
                            guard case .created(let job) = try await store.jobs.enqueue(new, actor: "test") else { return (index, nil) }
                            // Returned means committed: any connection sees it now.
                            #expect(try await store.jobs.find(job.id) == job)
                            return (index, job)
                        } catch StoreError.conflict {
                            return (index, nil)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Job?]()) { $0[$1.0] = $1.1 }
            }
            let created = outcomes.values.compactMap { $0 }
            // Of each conflicting pair exactly one was created (whichever came first); no other job was lost.
            #expect(created.count == 40)
            let stored = try await store.jobs.list(companyID: company.id, kinds: [.paymentPost], statuses: [], limit: 1000)
            #expect(Set(stored.map(\.id)) == Set(created.map(\.id)))
            #expect(Set(stored.compactMap(\.externalID)).count == 40)
        }
    }

    @Test("concurrent claims never hand the same job to two sessions, and keep FIFO order within a priority (SQLite)")
    func claimsOnSQLite() async throws { try await claims(engine: .sqlite) }

    @Test("concurrent claims never hand the same job to two sessions, and keep FIFO order within a priority (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func claimsOnPostgreSQL() async throws { try await claims(engine: .postgres) }

    func claims(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            var queued: [JobID] = []
            for index in 0..<60 {
                let result = try await store.jobs.enqueue(NewJob(companyID: company.id, kind: .paymentPost, externalID: "e\(index)",
                                                                 bodyHash: "h\(index)", payload: "{}"), actor: "test")
                if case .created(let job) = result { queued.append(job.id) }
            }
            let first = try await store.jobs.claim(companyID: company.id, sessionID: "probe", limit: 3)
            #expect(first.map(\.id) == Array(queued.prefix(3)))
            let claimed = try await withThrowingTaskGroup(of: [JobID].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        var mine: [JobID] = []
                        while true {
                            let batch = try await store.jobs.claim(companyID: company.id, sessionID: "s\(worker)", limit: 4)
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.id)
                        }
                    }
                }
                return try await group.reduce(into: [[JobID]]()) { $0.append($1) }
            }
            let all = claimed.flatMap { $0 }
            #expect(all.count == 57)
            #expect(Set(all).count == 57, "a job was handed out twice")
            #expect(Set(all).union(first.map(\.id)) == Set(queued))
        }
    }

    @Test("a job that depends on another is offered only once that one is finished (SQLite)")
    func dependentJobWaitsOnSQLite() async throws { try await dependentJobWaits(engine: .sqlite) }

    @Test("a job that depends on another is offered only once that one is finished (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func dependentJobWaitsOnPostgreSQL() async throws { try await dependentJobWaits(engine: .postgres) }

    func dependentJobWaits(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            guard case .created(var payment) = try await store.jobs.enqueue(
                NewJob(companyID: company.id, kind: .paymentPost, externalID: "pay", bodyHash: "p", payload: "{}"), actor: "test"),
                  case .created(let reversal) = try await store.jobs.enqueue(
                NewJob(companyID: company.id, kind: .paymentReverse, priority: 1, externalID: "reverse:pay", bodyHash: "r",
                       payload: "{}", dependsOn: payment.id), actor: "test") else {
                Issue.record("expected two new jobs"); return
            }
            #expect(try await store.jobs.pendingCount(companyID: company.id, upTo: 10) == 1)
            let first = try await store.jobs.claim(companyID: company.id, sessionID: "s1", limit: 5)
            #expect(first.map(\.id) == [payment.id], "the reversal was offered before its payment was finished")
            payment = first[0]
            payment.status = .posted
            try await store.jobs.save(payment, activity: nil)
            #expect(try await store.jobs.pendingCount(companyID: company.id, upTo: 10) == 1)
            let second = try await store.jobs.claim(companyID: company.id, sessionID: "s2", limit: 5)
            #expect(second.map(\.id) == [reversal.id])
        }
    }

    @Test("the same external id with the same body returns the job; a different body is a conflict (SQLite)")
    func idempotentEnqueueOnSQLite() async throws { try await idempotentEnqueue(engine: .sqlite) }

    @Test("the same external id with the same body returns the job; a different body is a conflict (PostgreSQL)", .tags(.postgres), .requires(.postgres))
    func idempotentEnqueueOnPostgreSQL() async throws { try await idempotentEnqueue(engine: .postgres) }

    func idempotentEnqueue(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let company = try await store.companies.create(Self.newCompany("acme"), actor: "test")
            let new = NewJob(companyID: company.id, kind: .paymentPost, externalID: "x", bodyHash: "h", payload: "{}")
            guard case .created(let job) = try await store.jobs.enqueue(new, actor: "test"),
                  case .existing(let again) = try await store.jobs.enqueue(new, actor: "test") else {
                Issue.record("expected created then existing"); return
            }
            #expect(job.id == again.id)
            var changed = new
            changed.bodyHash = "other"
            await #expect(throws: StoreError.conflict(field: "externalId", value: "x")) {
                _ = try await store.jobs.enqueue(changed, actor: "test")
            }
        }
    }
}
