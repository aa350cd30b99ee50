import Bridge
import Foundation
import Hummingbird
import Store

/// `/api/v1/failures…` and `/api/v1/companies/{id}/health` (design.md §6).
struct FailureRoutes {
    let store: Store
    let failures: FailureService
    let health: HealthService

    struct ActionBody: Decodable {
        var reason: String?
    }

    func register(on api: RouterGroup<BridgeRequestContext>) {
        api.get("/failures") { request, _ -> Response in
            let query = request.uri.queryParameters
            let statuses = try query.get("status").map { text -> [FailureStatus] in
                try text.split(separator: ",").map { value in
                    guard let status = FailureStatus(rawValue: String(value)) else {
                        throw APIError(.badRequest, code: "invalid_query", message: "status must be one of open, resolved, dismissed, deleted.",
                                       fields: ["status": "unknown status \(value)"])
                    }
                    return status
                }
            } ?? []
            let records = try await store.failures.list(
                companyID: query.get("companyId").map(CompanyID.init), statuses: statuses, category: query.get("category"),
                includeDeleted: true, limit: try QueryLimit.parse(query.get("limit"))
            )
            return try JSONResponse.make(["failures": records.map(FailureJSON.init)])
        }
        api.get("/failures/:id") { _, context -> Response in
            try JSONResponse.make(FailureJSON(try await failures.failure(try Self.failureID(context))))
        }
        for action in FailureService.Action.allCases {
            api.post("/failures/:id/\(action.rawValue)") { request, context -> Response in
                let body = try await Self.body(request, context: context)
                let record = try await failures.perform(action, on: try Self.failureID(context), reason: body.reason, actor: context.actor ?? "api")
                return try JSONResponse.make(FailureJSON(record))
            }
        }
        api.get("/companies/:id/health") { _, context -> Response in
            let value = try await health.health(try CompanyRoutes.companyID(context))
            return try JSONResponse.make(HealthJSON(value))
        }
    }

    /// An action's body is optional JSON `{"reason": …}`.
    static func body(_ request: Request, context: BridgeRequestContext) async throws -> ActionBody {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return ActionBody(reason: nil) }
        return try JSONDecoder().decode(ActionBody.self, from: Data(buffer.readableBytesView))
    }

    static func failureID(_ context: BridgeRequestContext) throws -> FailureID {
        guard let text = context.parameters.get("id"), UUID(uuidString: text) != nil else {
            throw APIError(.notFound, code: "not_found", message: "No failure with this id.")
        }
        return FailureID(text.lowercased())
    }
}

/// `GET /companies/{id}/health`.
struct HealthJSON: Encodable {
    struct Rate: Encodable { var windowDays: Int; var payments: Int; var failed: Int; var rate: Double }
    struct Category: Encodable { var category: String; var count: Int }
    struct Alert: Encodable { var message: String; var topCategories: [Category]; var whatToCheck: [String] }
    struct Connection: Encodable { var status: String; var problem: String?; var failure: FailureJSON? }

    var companyId: String
    var lastSyncAt: String?
    var lastSessionAt: String?
    var lastSessionSummary: String?
    var hoursSinceLastSync: Double?
    var syncAgeAlert: String
    var connection: Connection
    var failureRate: Rate
    var alert: Alert?

    init(_ health: CompanyHealth) {
        companyId = health.company.id.rawValue
        lastSyncAt = health.company.lastSyncAt?.iso8601
        lastSessionAt = health.company.lastSessionAt?.iso8601
        lastSessionSummary = health.company.lastSessionSummary
        hoursSinceLastSync = health.hoursSinceLastSync.map { ($0 * 10).rounded() / 10 }
        syncAgeAlert = health.ageAlert
        let problem = health.connectionFailure?.summary ?? health.company.connectionProblem
        connection = Connection(status: problem == nil ? (health.company.lastSyncAt == nil ? "never_connected" : "ok") : "problem",
                                problem: problem, failure: health.connectionFailure.map(FailureJSON.init))
        failureRate = Rate(windowDays: health.windowDays, payments: health.statistics.payments, failed: health.statistics.failedPayments,
                           rate: (health.statistics.rate * 1000).rounded() / 1000)
        alert = health.alertMessage.map { message in
            Alert(message: message, topCategories: health.statistics.categories.prefix(3).map { Category(category: $0.category, count: $0.count) },
                  whatToCheck: health.whatToCheck)
        }
    }
}
