import Bridge
import Foundation
import Hummingbird
import Store

/// `/api/v1` routes for what comes out of QuickBooks: pulls and their snapshots, raw requests, customer
/// mappings and the deposit report (issue "Pulls, raw requests and reconciliation").
struct DataRoutes {
    let store: Store

    func register(on api: RouterGroup<BridgeRequestContext>) {
        let pulls = PullService(store: store)
        let raw = RawRequestService(store: store)
        let mappings = CustomerMappingService(store: store)
        let deposits = DepositService(store: store)

        // MARK: pulls and snapshots
        api.post("/companies/:id/pulls") { request, context -> Response in
            let companyID = try CompanyRoutes.companyID(context)
            let input = try await request.decode(as: PullInput.self, context: context)
            let job = try await pulls.enqueue(input, companyID: companyID, actor: context.actor ?? "api")
            return try JSONResponse.make(PullJSON(job), status: .accepted)
        }
        api.get("/pulls/:id") { _, context -> Response in
            try JSONResponse.make(PullJSON(try await pulls.pull(try PaymentRoutes.jobID(context, kind: "pull"))))
        }
        api.get("/companies/:id/pulls") { request, context -> Response in
            let companyID = try await existingCompany(context)
            let limit = try QueryLimit.parse(request.uri.queryParameters.get("limit"))
            let jobs = try await store.jobs.latest(companyID: companyID, kinds: JobKind.pulls, limit: limit)
            return try JSONResponse.make(["pulls": jobs.map(PullJSON.init)])
        }
        api.get("/companies/:id/invoices") { request, context -> Response in
            let companyID = try await existingCompany(context)
            let query = request.uri.queryParameters
            var filter = InvoiceQuery(limit: try QueryLimit.parse(query.get("limit")), after: query.get("after"))
            if let open = query.get("open") {
                guard let value = Bool(open.lowercased()) else {
                    throw APIError(.badRequest, code: "invalid_query", message: "open must be true or false.", fields: ["open": "must be true or false"])
                }
                filter.open = value
            }
            if let customer = query.get("customer")?.trimmingCharacters(in: .whitespaces), !customer.isEmpty {
                if let mapping = try await store.customerMappings.find(companyID: companyID, externalID: customer) {
                    filter.customerListID = mapping.listID
                } else if try await store.snapshots.customer(companyID: companyID, listID: customer) != nil {
                    filter.customerListID = customer
                } else {
                    filter.customerName = customer
                }
            }
            let invoices = try await store.snapshots.invoices(companyID: companyID, filter)
            struct Page: Encodable { var invoices: [InvoiceJSON]; var next: String? }
            return try JSONResponse.make(Page(invoices: invoices.map(InvoiceJSON.init), next: invoices.count == filter.limit ? invoices.last?.txnID : nil))
        }
        api.get("/companies/:id/customers") { request, context -> Response in
            let companyID = try await existingCompany(context)
            let query = request.uri.queryParameters
            let limit = try QueryLimit.parse(query.get("limit"))
            let active = try query.get("active").map { text -> Bool in
                guard let value = Bool(text.lowercased()) else {
                    throw APIError(.badRequest, code: "invalid_query", message: "active must be true or false.", fields: ["active": "must be true or false"])
                }
                return value
            }
            let customers = try await store.snapshots.customers(companyID: companyID, search: query.get("search"),
                                                                activeOnly: active ?? false, limit: limit, after: query.get("after"))
            struct Page: Encodable { var customers: [CustomerJSON]; var next: String? }
            return try JSONResponse.make(Page(customers: customers.map(CustomerJSON.init), next: customers.count == limit ? customers.last?.listID : nil))
        }

        // MARK: raw requests
        api.post("/companies/:id/requests") { request, context -> Response in
            let companyID = try CompanyRoutes.companyID(context)
            let input: RawRequestInput
            if let type = request.headers[.contentType]?.lowercased(), type.contains("xml") {
                let body = try await request.body.collect(upTo: RawRequestService.maximumBytes + 1)
                input = RawRequestInput(qbxml: String(buffer: body), minimumVersion: request.uri.queryParameters.get("minimumVersion"),
                                        externalId: request.uri.queryParameters.get("externalId"))
            } else {
                input = try await request.decode(as: RawRequestInput.self, context: context)
            }
            switch try await raw.enqueue(input, companyID: companyID, actor: context.actor ?? "api") {
            case .created(let job): return try JSONResponse.make(RawRequestJSON(job, failure: nil), status: .accepted)
            case .existing(let job): return try JSONResponse.make(RawRequestJSON(job, failure: try await store.failures.open(forJob: job.id)))
            }
        }
        api.get("/requests/:id") { _, context -> Response in
            let (job, failure) = try await raw.request(try PaymentRoutes.jobID(context, kind: "request"))
            return try JSONResponse.make(RawRequestJSON(job, failure: failure))
        }

        // MARK: customer mappings
        api.post("/companies/:id/customer-mappings") { request, context -> Response in
            let companyID = try CompanyRoutes.companyID(context)
            let input = try await request.decode(as: CustomerMappingInput.self, context: context)
            switch try await mappings.map(input, companyID: companyID, actor: context.actor ?? "api") {
            case .mapped(let mapping, let created):
                return try JSONResponse.make(MappingJSON(mapping), status: created ? .created : .ok)
            case .conflict(let failure):
                return try JSONResponse.make(MappingConflictJSON(failure: FailureJSON(failure)), status: .conflict)
            }
        }
        api.get("/companies/:id/customer-mappings") { request, context -> Response in
            let companyID = try await existingCompany(context)
            let query = request.uri.queryParameters
            let list = try await store.customerMappings.list(companyID: companyID, limit: try QueryLimit.parse(query.get("limit")), after: query.get("after"))
            return try JSONResponse.make(["mappings": list.map(MappingJSON.init)])
        }
        api.get("/companies/:id/customer-mappings/:externalId") { _, context -> Response in
            let companyID = try await existingCompany(context)
            let externalID = context.parameters.get("externalId") ?? ""
            guard let mapping = try await store.customerMappings.find(companyID: companyID, externalID: externalID) else {
                throw APIError(.notFound, code: "not_found", message: "Customer \(externalID) is not mapped for this company.")
            }
            return try JSONResponse.make(MappingJSON(mapping))
        }
        api.delete("/companies/:id/customer-mappings/:externalId") { _, context -> Response in
            let companyID = try await existingCompany(context)
            let externalID = context.parameters.get("externalId") ?? ""
            guard try await store.customerMappings.remove(companyID: companyID, externalID: externalID, actor: context.actor ?? "api") else {
                throw APIError(.notFound, code: "not_found", message: "Customer \(externalID) is not mapped for this company.")
            }
            return Response(status: .noContent)
        }

        // MARK: deposits
        api.get("/companies/:id/deposits") { request, context -> Response in
            let companyID = try CompanyRoutes.companyID(context)
            let query = request.uri.queryParameters
            let report = try await deposits.report(companyID: companyID, from: query.get("from"), to: query.get("to"))
            return try JSONResponse.make(DepositReportJSON(report, companyID: companyID))
        }
    }

    /// The company of the path, or a 404 (list routes would otherwise answer an empty list for a typo).
    private func existingCompany(_ context: BridgeRequestContext) async throws -> CompanyID {
        let id = try CompanyRoutes.companyID(context)
        guard try await store.companies.find(id) != nil else { throw BridgeError.notFound("company", id.rawValue) }
        return id
    }

}

/// The answer to a mapping by match that found several customers.
struct MappingConflictJSON: Encodable {
    var error = ErrorBody()
    var failure: FailureJSON

    struct ErrorBody: Encodable {
        var code = "mapping_conflict"
        var message = "Several QuickBooks customers match; nothing was mapped. The failure record lists the candidates; map one explicitly with listId."
    }
}
