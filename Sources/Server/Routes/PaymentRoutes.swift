import Bridge
import Foundation
import Hummingbird
import Store

/// `/api/v1/companies/{id}/payments`, `/api/v1/payments…` (design.md §6).
struct PaymentRoutes {
    let store: Store
    let payments: PaymentService

    func register(on api: RouterGroup<BridgeRequestContext>) {
        api.post("/companies/:id/payments") { request, context -> Response in
            let companyID = try CompanyRoutes.companyID(context)
            let input = try await request.decode(as: PaymentInput.self, context: context)
            switch try await payments.enqueue(input, companyID: companyID, actor: context.actor ?? "api") {
            case .created(let job):
                return try JSONResponse.make(PaymentJSON(job, failure: nil), status: .created)
            case .existing(let job):
                return try JSONResponse.make(PaymentJSON(job, failure: try await store.failures.open(forJob: job.id)))
            }
        }
        api.get("/payments/:id") { _, context -> Response in
            let (job, failure) = try await payments.payment(try Self.jobID(context))
            return try JSONResponse.make(PaymentJSON(job, failure: failure))
        }
        api.post("/payments/:id/reverse") { _, context -> Response in
            let job = try await payments.reverse(try Self.jobID(context), actor: context.actor ?? "api")
            return try JSONResponse.make(PaymentJSON(job, failure: try await store.failures.open(forJob: job.id)), status: .accepted)
        }
        api.get("/payments") { request, _ -> Response in
            let query = request.uri.queryParameters
            let statuses = try query.get("status").map { text -> [JobStatus] in
                try text.split(separator: ",").map { value in
                    guard let status = JobStatus(rawValue: String(value)) else {
                        throw APIError(.badRequest, code: "invalid_query", message: "status must be one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                                       fields: ["status": "unknown status \(value)"])
                    }
                    return status
                }
            } ?? []
            let since = try query.get("updatedSince").map { text -> Timestamp in
                guard let date = ISO8601Parsing.date(text) else {
                    throw APIError(.badRequest, code: "invalid_query", message: "updatedSince must be an ISO 8601 date-time such as 2026-11-20T10:00:00Z.",
                                   fields: ["updatedSince": "not an ISO 8601 date-time"])
                }
                return Timestamp(date)
            }
            let limit = try QueryLimit.parse(query.get("limit"))
            let jobs = try await store.jobs.list(companyID: query.get("companyId").map(CompanyID.init), kinds: [.paymentPost],
                                                 statuses: statuses, updatedSince: since, limit: limit)
            var items: [PaymentJSON] = []
            for job in jobs {
                items.append(PaymentJSON(job, failure: job.status == .failed ? try await store.failures.open(forJob: job.id) : nil))
            }
            struct Page: Encodable { var payments: [PaymentJSON]; var nextUpdatedSince: String? }
            return try JSONResponse.make(Page(payments: items, nextUpdatedSince: items.count == limit ? jobs.last?.updatedAt.iso8601 : nil))
        }
    }

    /// The job id of the path (`kind` names it in the 404: payment, pull, request).
    static func jobID(_ context: BridgeRequestContext, kind: String = "payment") throws -> JobID {
        guard let text = context.parameters.get("id"), UUID(uuidString: text) != nil else {
            throw APIError(.notFound, code: "not_found", message: "No \(kind) with this id.")
        }
        return JobID(text.lowercased())
    }
}

/// `limit` query parameter, 1…1000, default 100.
enum QueryLimit {
    static func parse(_ text: String?) throws -> Int {
        guard let text else { return 100 }
        guard let value = Int(text), (1...1000).contains(value) else {
            throw APIError(.badRequest, code: "invalid_query", message: "limit must be 1…1000.", fields: ["limit": "must be 1…1000"])
        }
        return value
    }
}

/// ISO 8601 with or without fractional seconds.
enum ISO8601Parsing {
    static func date(_ raw: String) -> Date? {
        // RFC 3339 allows a lower-case `t` and `z`; Foundation's parser does not.
        var text = raw.uppercased()
        // RFC 3339 allows any offset up to ±23:59; Foundation's parser refuses those past ±18:00. Read the
        // offset here and parse the rest as UTC.
        var offsetSeconds = 0
        let utf8 = Array(text.utf8)
        if utf8.count > 6, utf8[utf8.count - 3] == UInt8(ascii: ":"), utf8[utf8.count - 6] == UInt8(ascii: "+") || utf8[utf8.count - 6] == UInt8(ascii: "-"),
           let hours = Int(String(decoding: utf8[(utf8.count - 5)..<(utf8.count - 3)], as: UTF8.self)),
           let minutes = Int(String(decoding: utf8[(utf8.count - 2)...], as: UTF8.self)), hours < 24, minutes < 60 {
            offsetSeconds = (hours * 3600 + minutes * 60) * (utf8[utf8.count - 6] == UInt8(ascii: "-") ? -1 : 1)
            text = String(decoding: utf8[..<(utf8.count - 6)], as: UTF8.self) + "Z"
        }
        // Fractional seconds first: the plain strategy accepts them too but drops them.
        guard let date = (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) ?? (try? Date(text, strategy: .iso8601)) else {
            return nil
        }
        return date.addingTimeInterval(TimeInterval(-offsetSeconds))
    }
}
