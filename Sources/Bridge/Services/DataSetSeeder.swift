public import Foundation
import QBXML
import Triage
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

    /// What `seedOperations` wrote.
    public struct OperationsDataSet: Sendable {
        public var companies: Int
        public var jobs: Int
        public var failures: Int
        public var openFailures: Int
        public var activity: Int
    }

    /// An installation in operation, for the JSON API's lists and the web UI at scale (issue 26): `companies`
    /// companies in every state a dashboard must sort out (most synced minutes ago; some silent for a day or more,
    /// some never synced, some with a connection problem), `jobs` jobs over the last 90 days (four in five
    /// payments, mostly posted, some queued or failed; the rest answered raw requests), `failures` failure records
    /// (connection problems and failed payments, with real titles and steps from Triage; a few companies' still
    /// open, the rest resolved or dismissed) and an activity entry for each failure and about one posted payment in sixteen.
    public func seedOperations(companies: Int, jobs: Int, failures: Int, now: Date = Date()) async throws -> OperationsDataSet {
        let count = max(companies, 1)
        var ids: [CompanyID] = []
        let existing = Set(try await store.companies.all().map(\.username))
        for number in 1...count {
            let username = "ops-\(number)"
            guard !existing.contains(username) else { continue }
            let company = try await store.companies.create(NewCompany(
                name: Self.companyName(number), username: username, passwordHash: Self.unmatchableHash,
                runEveryMinutes: 15, syncStartDate: nil, readOnly: false), actor: "seed")
            ids.append(company.id)
            let lastSync: Date? = switch number % 100 {
            case 2: nil                                                            // never synced
            case 5, 30, 55, 80: now.addingTimeInterval(-Double(26 + number % 5 * 20) * 3600) // silent for a day or more
            default: now.addingTimeInterval(-Double(number % 15 + 1) * 60)          // on schedule
            }
            try await store.companies.setSyncTimes(company.id, lastSyncAt: lastSync.map(Timestamp.init), lastSessionAt: lastSync.map(Timestamp.init))
        }
        guard !ids.isEmpty else { return OperationsDataSet(companies: 0, jobs: 0, failures: 0, openFailures: 0, activity: 0) }

        // Jobs, oldest batch first, each batch of 10,000 a step later in the 90 days.
        let failedPayments = max(0, failures - ids.count / 50)
        // A third more candidates than needed (picked by hash, so their number varies), the last ones turned away.
        let failedEvery = failedPayments == 0 ? Int.max : max(1, jobs * 4 / 5 * 3 / 4 / failedPayments)
        let answer = RawRequestAnswer(statusCode: 0, statusSeverity: "Info", statusMessage: "Status OK", response: nil, error: nil).json
        var failedJobs: [(JobID, CompanyID, Timestamp)] = []
        var activity: [(entry: NewActivity, at: Timestamp)] = []
        let batches = max(1, (jobs + 9_999) / 10_000)
        for batch in 0..<batches {
            let time = Timestamp(now.addingTimeInterval(-90 * 86_400 * Double(batches - batch) / Double(batches)))
            var byStatus: [JobStatus: [NewJob]] = [:]
            for index in (batch * 10_000)..<min((batch + 1) * 10_000, jobs) {
                let company = ids[index % ids.count]
                if index % 5 == 4 {
                    byStatus[.posted, default: []].append(NewJob(companyID: company, kind: .rawRequest, externalID: nil, bodyHash: nil,
                                                                 payload: Self.payload(.raw, index: index)))
                    continue
                }
                let payload = Self.payment(index: index)
                // Failed and queued payments picked by a hash of the index, not by a stride that would fall on the
                // same few companies every time.
                let spread = Int((UInt64(index) &* 0x9E37_79B9_7F4A_7C15) >> 33)
                let status: JobStatus = spread % failedEvery == 0 && failedJobs.count + (byStatus[.failed]?.count ?? 0) < failedPayments ? .failed
                    : batch == batches - 1 && spread % 40 == 1 ? .queued : .posted
                byStatus[status, default: []].append(NewJob(companyID: company, kind: .paymentPost, externalID: payload.externalId,
                                                            bodyHash: payload.bodyHash, payload: payload.canonicalJSON))
            }
            for (status, batchJobs) in byStatus.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let written = try await store.jobs.insertMany(batchJobs, status: status, result: status == .posted ? answer : nil, now: time)
                for (id, job) in zip(written, batchJobs) {
                    if status == .failed { failedJobs.append((id, job.companyID, time)) }
                    if status == .posted, job.kind == .paymentPost, id.rawValue.hasSuffix("0") {
                        activity.append((NewActivity(actor: "web-connector", companyID: job.companyID, subject: "job", subjectID: id.rawValue,
                                                     action: "payment.posted", detail: ["externalId": job.externalID ?? ""]), time))
                    }
                }
            }
        }

        // Failure records: connection problems for every fiftieth company (open), failed payments (open for every
        // seventh company, resolved or dismissed elsewhere).
        var generated: [Failures.Generated] = []
        let connection = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "0x80040408",
                                                                    message: "Could not start QuickBooks."))
        for (index, company) in ids.enumerated() where index % 50 == 0 {
            generated.append(Failures.Generated(NewFailure(connection, companyID: company, jobID: nil), status: .open,
                                                createdAt: Timestamp(now.addingTimeInterval(-Double(index % 7 + 1) * 3600))))
        }
        let rejections = Self.paymentRejections
        let open = Set(ids.enumerated().filter { $0.offset % 7 == 3 }.map(\.element))
        for (number, (job, company, time)) in failedJobs.enumerated() {
            let draft = rejections[number % rejections.count]
            let status: FailureStatus = open.contains(company) ? .open : number % 3 == 0 ? .dismissed : .resolved
            generated.append(Failures.Generated(NewFailure(draft, companyID: company, jobID: job), status: status, createdAt: time))
        }
        try await store.failures.insertMany(generated)
        for record in generated {
            activity.append((NewActivity(actor: "system", companyID: record.failure.companyID, subject: "failure", subjectID: nil,
                                         action: "failure.opened", detail: ["category": record.failure.category.rawValue]), record.createdAt))
        }
        activity.sort { $0.at.milliseconds < $1.at.milliseconds }
        try await store.activity.insertMany(activity)
        return OperationsDataSet(companies: ids.count, jobs: jobs, failures: generated.count,
                                 openFailures: generated.filter { $0.status == .open }.count, activity: activity.count)
    }

    /// QuickBooks' refusals of a payment as Triage words them: amounts, invoices, customers, closed periods.
    static let paymentRejections: [FailureRecordDraft] = [
        (3120, "Object \"8000-1234567890\" specified in the request cannot be found."),
        (3140, "There is an invalid reference to QuickBooks Customer \"80000012-1234567890\" in the Customer. QuickBooks error message: Invalid argument."),
        (3175, "There was an error when adding the ReceivePayment. The record is being edited by another user."),
        (3180, "There was an error when saving a ReceivePayment. QuickBooks error message: The transaction is in a closed period."),
        (3260, "Insufficient permission level to perform this action."),
    ].compactMap { code, message in
        Classifier.classify(RequestFailureInput(requestKind: "ReceivePaymentAdd", statusCode: code, statusSeverity: "Error", statusMessage: message))
    }

    /// `Harbor Plumbing 17`: names that read like customers' and sort in no particular order of state.
    static func companyName(_ number: Int) -> String {
        let first = ["Harbor", "Summit", "Pioneer", "Maple", "Granite", "Bluewater", "Cedar", "Northwind", "Redwood", "Silverline",
                     "Oakridge", "Lakeside", "Ironworks", "Meadow", "Coastal", "Prairie", "Evergreen", "Highland", "Riverbend", "Sunrise"]
        let second = ["Plumbing", "Electric", "Dental", "Landscaping", "Roofing", "Freight", "Bakery", "Veterinary", "Hardware", "Heating & Air",
                      "Auto Repair", "Printing", "Pharmacy", "Cleaning", "Legal", "Accounting", "Catering", "Fitness", "Flooring", "Glass"]
        return "\(first[number % first.count]) \(second[(number / first.count) % second.count]) \(number)"
    }

    /// A payment as an upstream app queues it: one invoice of the customer, by number.
    static func payment(index: Int) -> PaymentPayload {
        let cents = 1_000 + (index * 7_919) % 250_000
        let amount = "\(cents / 100).\(String(format: "%02d", cents % 100))"
        return PaymentPayload(
            externalId: "ops-pay-\(index)", customer: .init(listId: nil, fullName: "Customer \(index % 2_000)", externalId: nil),
            amount: amount, date: "2026-11-\(String(format: "%02d", index % 28 + 1))", paymentMethod: index % 3 == 0 ? "Check" : "Visa",
            refNumber: "R\(index)", memo: nil, depositToAccount: nil,
            applications: [.init(invoice: .init(txnId: nil, refNumber: "INV-\(index)"), amount: amount)])
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
