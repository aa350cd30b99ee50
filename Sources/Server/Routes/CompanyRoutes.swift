import Bridge
import Foundation
import Hummingbird
import Store

/// `/api/v1/companies…` and `/api/v1/activity` (design.md §6).
struct CompanyRoutes {
    let store: Store
    let companies: CompanyService

    func register(on api: RouterGroup<BridgeRequestContext>) {
        api.post("/companies") { request, context -> Response in
            let input = try await request.decode(as: CompanyService.Creation.self, context: context)
            let company = try await companies.create(input, actor: context.actor ?? "api")
            return try JSONResponse.make(CompanyJSON(company, ownerID: try await store.installation.ownerID()), status: .created)
        }
        api.get("/companies") { _, _ -> Response in
            let ownerID = try await store.installation.ownerID()
            let all = try await store.companies.all().map { CompanyJSON($0, ownerID: ownerID) }
            return try JSONResponse.make(["companies": all])
        }
        api.get("/companies/:id") { _, context -> Response in
            let company = try await companies.company(try Self.companyID(context))
            return try JSONResponse.make(CompanyJSON(company, ownerID: try await store.installation.ownerID()))
        }
        api.patch("/companies/:id") { request, context -> Response in
            let settings = try await request.decode(as: CompanyService.Settings.self, context: context)
            let company = try await companies.update(try Self.companyID(context), settings, actor: context.actor ?? "api")
            return try JSONResponse.make(CompanyJSON(company, ownerID: try await store.installation.ownerID()))
        }
        api.get("/companies/:id/qwc") { _, context -> Response in
            let file = try await companies.qwcFile(for: try Self.companyID(context))
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/x-qwc; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"\(file.filename)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: file.contents))
            )
        }
        api.get("/activity") { request, _ -> Response in
            let query = request.uri.queryParameters
            let companyID = query.get("companyId").map(CompanyID.init)
            let before = try query.get("before").map { text -> Int64 in
                guard let value = Int64(text) else {
                    throw APIError(.badRequest, code: "invalid_query", message: "before must be an activity id (integer).", fields: ["before": "must be an integer"])
                }
                return value
            }
            let limit = try query.get("limit").map { text -> Int in
                guard let value = Int(text), (1...1000).contains(value) else {
                    throw APIError(.badRequest, code: "invalid_query", message: "limit must be 1…1000.", fields: ["limit": "must be 1…1000"])
                }
                return value
            } ?? 100
            let entries = try await store.activity.list(companyID: companyID, before: before, limit: limit)
            struct Page: Encodable { var activity: [ActivityJSON]; var nextBefore: Int64? }
            return try JSONResponse.make(Page(activity: entries.map(ActivityJSON.init), nextBefore: entries.count == limit ? entries.last?.id : nil))
        }
    }

    static func companyID(_ context: BridgeRequestContext) throws -> CompanyID {
        guard let text = context.parameters.get("id"), UUID(uuidString: text) != nil else {
            throw APIError(.notFound, code: "not_found", message: "No company with this id; list companies with GET /api/v1/companies.")
        }
        return CompanyID(text.lowercased())
    }
}
