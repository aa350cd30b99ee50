import Foundation
import QBXML
public import Domain
public import Store

/// Generated data sets for measuring QBBridge at scale (`qbbridge seed`): a deep queue behind a company's real
/// work, and a history of finished jobs spread over many companies. The jobs carry the payloads the session
/// drivers read, so a generated job is processed like an upstream one if a session reaches it.
public struct DataSetSeeder: Sendable {
    let store: Store

    /// The kinds of generated waiting work.
    public enum QueueKind: String, Sendable, CaseIterable {
        /// `CustomerQueryRq` raw requests (one customer each).
        case raw
        /// Open-invoice pulls, 500 per page.
        case pull
    }

    /// Creates the seeder.
    public init(store: Store) {
        self.store = store
    }

    /// Queues `count` jobs of `kind` for the company, behind everything already queued.
    public func fillQueue(companyID: CompanyID, kind: QueueKind, count: Int) async throws {
        guard try await store.companies.find(companyID) != nil else { throw BridgeError.notFound("company", companyID.rawValue) }
        let jobs = (0..<count).map { index in
            NewJob(companyID: companyID, kind: kind == .raw ? .rawRequest : .invoicePull, externalID: nil, bodyHash: nil,
                   payload: Self.payload(kind, index: index))
        }
        try await store.jobs.insertMany(jobs, status: .queued)
    }

    /// Creates `companies` companies named `Seeded Company N` (user names `seed-N`, with a password hash no
    /// password matches) and spreads `jobs` answered raw requests over them; returns the companies' ids.
    public func seedHistory(companies: Int, jobs: Int) async throws -> [CompanyID] {
        var ids: [CompanyID] = []
        let existing = Set(try await store.companies.all().map(\.username))
        for number in 1...max(companies, 1) where !existing.contains("seed-\(number)") {
            let company = try await store.companies.create(NewCompany(
                name: "Seeded Company \(number)", username: "seed-\(number)", passwordHash: Self.unmatchableHash,
                runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "seed")
            ids.append(company.id)
        }
        guard !ids.isEmpty else { return ids }
        let answer = RawRequestAnswer(statusCode: 0, statusSeverity: "Info", statusMessage: "Status OK", response: nil, error: nil).json
        for start in stride(from: 0, to: jobs, by: 10_000) {
            let batch = (start..<min(start + 10_000, jobs)).map { index in
                NewJob(companyID: ids[index % ids.count], kind: .rawRequest, externalID: nil, bodyHash: nil, payload: Self.payload(.raw, index: index))
            }
            try await store.jobs.insertMany(batch, status: .posted, result: answer)
        }
        return ids
    }

    /// A bcrypt-shaped string no password verifies against: seeded companies cannot be logged into.
    static let unmatchableHash = "$2b$04$" + String(repeating: ".", count: 53)

    static func payload(_ kind: QueueKind, index: Int) -> String {
        switch kind {
        case .raw:
            let requestID = "seed-\(index)"
            return RawRequestPayload(requestId: requestID, element: "CustomerQueryRq",
                                     xml: "<CustomerQueryRq requestID=\"\(requestID)\"><MaxReturned>1</MaxReturned></CustomerQueryRq>",
                                     minimumVersion: QBXMLVersion.oldestSupported.description, externalId: nil).json
        case .pull:
            return PullPayload(kind: .invoices, openOnly: true, fromDate: nil, modifiedSince: nil, incremental: false,
                               pageSize: PullPayload.defaultPageSize, origin: "cli").json
        }
    }
}
