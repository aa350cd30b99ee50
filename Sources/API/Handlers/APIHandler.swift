import Bridge
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Domain
import WebConnectorLog

/// Who is calling the JSON API, as the bearer-token check found it (`api:<token label>`); the activity
/// log records it with every change.
public enum APICaller {
    @TaskLocal public static var actor: String = "api"
}

/// The JSON API: one method per operation of `openapi.yaml`, each calling Bridge's services and turning
/// what they return into the contract's types. Errors are thrown, and `APIError` renders them.
struct APIHandler: APIProtocol {
    let services: BridgeServices

    private var records: Records { services.records }
    private var companies: CompanyService { services.companies }
    private var payments: PaymentService { services.payments }
    private var failures: FailureService { services.failures }
    private var health: HealthService { services.health }
    private var pulls: PullService { services.pulls }
    private var rawRequests: RawRequestService { services.rawRequests }
    private var mappings: CustomerMappingService { services.mappings }
    private var deposits: DepositService { services.deposits }
    private var help: HelpService { services.help }

    var actor: String { APICaller.actor }

    // MARK: - Companies

    func listCompanies(_ input: Operations.ListCompanies.Input) async throws -> Operations.ListCompanies.Output {
        let ownerID = try await records.ownerID()
        let search = input.query.search.flatMap { $0.isEmpty ? nil : $0 }
        let page = try await records.companies(search: search, after: try Self.cursor(input.query.cursor), limit: input.query.limit ?? 1000)
        return .ok(.init(body: .json(.init(companies: page.items.map { Components.Schemas.Company($0, ownerID: ownerID) },
                                           nextCursor: page.next?.token))))
    }

    func createCompany(_ input: Operations.CreateCompany.Input) async throws -> Operations.CreateCompany.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let company = try await companies.create(
            .init(name: body.name, username: body.username, password: body.password, runEveryMinutes: body.runEveryMinutes,
                  syncStartDate: body.syncStartDate, readOnly: body.readOnly),
            actor: actor
        )
        return .created(.init(body: .json(.init(company, ownerID: try await records.ownerID()))))
    }

    func getCompany(_ input: Operations.GetCompany.Input) async throws -> Operations.GetCompany.Output {
        let company = try await companies.company(try Self.companyID(input.path.id))
        return .ok(.init(body: .json(.init(company, ownerID: try await records.ownerID()))))
    }

    func updateCompany(_ input: Operations.UpdateCompany.Input) async throws -> Operations.UpdateCompany.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let settings = CompanyService.Settings(
            name: body.name, runEveryMinutes: body.runEveryMinutes, syncStartDate: body.syncStartDate,
            pullInvoicesEverySync: body.pullInvoicesEverySync,
            depositSettings: try body.depositSettings.map { try reencoded($0, as: Bridge.DepositSettings.self) }
        )
        let company = try await companies.update(try Self.companyID(input.path.id), settings, actor: actor)
        return .ok(.init(body: .json(.init(company, ownerID: try await records.ownerID()))))
    }

    func getCompanyQWC(_ input: Operations.GetCompanyQWC.Input) async throws -> Operations.GetCompanyQWC.Output {
        let file = try await companies.qwcFile(for: try Self.companyID(input.path.id))
        return .ok(.init(headers: .init(contentDisposition: "attachment; filename=\"\(file.filename)\""),
                         body: .applicationXQwc(HTTPBody(file.contents))))
    }

    func getCompanyHealth(_ input: Operations.GetCompanyHealth.Input) async throws -> Operations.GetCompanyHealth.Output {
        .ok(.init(body: .json(try .init(try await health.health(try Self.companyID(input.path.id))))))
    }

    func listActivity(_ input: Operations.ListActivity.Input) async throws -> Operations.ListActivity.Output {
        let limit = Self.limit(input.query.limit)
        let before: Int64?
        if let cursor = try Self.cursor(input.query.cursor) {
            guard let id = cursor.number else { throw StoreError.invalidCursor }
            before = id
        } else {
            before = input.query.before
        }
        let entries = try await records.activity(companyID: input.query.companyId.map(CompanyID.init), before: before, limit: limit)
        let last = entries.count == limit ? entries.last : nil
        return .ok(.init(body: .json(.init(activity: try entries.map(Components.Schemas.Activity.init),
                                            nextCursor: last.map { PageCursor($0.id, tieBreaker: String($0.id)).token },
                                            nextBefore: last.map { Int($0.id) }))))
    }

    // MARK: - Payments

    func createPayment(_ input: Operations.CreatePayment.Input) async throws -> Operations.CreatePayment.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let payment = PaymentInput(
            externalId: body.externalId,
            customer: .init(listId: body.customer.listId, fullName: body.customer.fullName, externalId: body.customer.externalId),
            amount: body.amount, date: body.date, paymentMethod: body.paymentMethod, refNumber: body.refNumber, memo: body.memo,
            depositToAccount: body.depositToAccount,
            applications: body.applications?.map { .init(invoice: .init(txnId: $0.invoice.txnId, refNumber: $0.invoice.refNumber), amount: $0.amount) }
        )
        switch try await payments.enqueue(payment, companyID: try Self.companyID(input.path.id), actor: actor) {
        case .created(let job):
            return .created(.init(body: .json(try .init(job, failure: nil))))
        case .existing(let job):
            return .ok(.init(body: .json(try .init(job, failure: try await records.openFailure(forJob: job.id)))))
        }
    }

    func listPayments(_ input: Operations.ListPayments.Input) async throws -> Operations.ListPayments.Output {
        let statuses = try Self.list(input.query.status, of: JobStatus.self, name: "status")
        let limit = Self.limit(input.query.limit)
        let page = try await records.payments(companyID: input.query.companyId.map(CompanyID.init), statuses: statuses,
                                              updatedSince: input.query.updatedSince.map { Timestamp($0) },
                                              after: try Self.cursor(input.query.cursor), limit: limit)
        let items = try page.items.map { try Components.Schemas.Payment($0.job, failure: $0.openFailure) }
        return .ok(.init(body: .json(.init(payments: items, nextCursor: page.next?.token,
                                           nextUpdatedSince: page.next == nil ? nil : page.items.last?.job.updatedAt.date))))
    }

    func getPayment(_ input: Operations.GetPayment.Input) async throws -> Operations.GetPayment.Output {
        let (job, failure) = try await payments.payment(try Self.jobID(input.path.id, kind: "payment"))
        return .ok(.init(body: .json(try .init(job, failure: failure))))
    }

    func reversePayment(_ input: Operations.ReversePayment.Input) async throws -> Operations.ReversePayment.Output {
        let job = try await payments.reverse(try Self.jobID(input.path.id, kind: "payment"), actor: actor)
        return .accepted(.init(body: .json(try .init(job, failure: try await records.openFailure(forJob: job.id)))))
    }

    // MARK: - Failures

    func listFailures(_ input: Operations.ListFailures.Input) async throws -> Operations.ListFailures.Output {
        let statuses = try Self.list(input.query.status, of: FailureStatus.self, name: "status")
        let page = try await records.failures(
            companyID: input.query.companyId.map(CompanyID.init), statuses: statuses, category: input.query.category?.rawValue,
            includeDeleted: true, before: try Self.cursor(input.query.cursor), limit: Self.limit(input.query.limit)
        )
        return .ok(.init(body: .json(.init(failures: try page.items.map(Components.Schemas.Failure.init), nextCursor: page.next?.token))))
    }

    func getFailure(_ input: Operations.GetFailure.Input) async throws -> Operations.GetFailure.Output {
        .ok(.init(body: .json(try .init(try await failures.failure(try Self.failureID(input.path.id))))))
    }

    func retryFailure(_ input: Operations.RetryFailure.Input) async throws -> Operations.RetryFailure.Output {
        let reason: String? = if case .json(let body) = input.body { body.reason } else { nil }
        return .ok(.init(body: .json(try await perform(.retry, input.path.id, reason: reason))))
    }

    func dismissFailure(_ input: Operations.DismissFailure.Input) async throws -> Operations.DismissFailure.Output {
        let reason: String? = if case .json(let body) = input.body { body.reason } else { nil }
        return .ok(.init(body: .json(try await perform(.dismiss, input.path.id, reason: reason))))
    }

    func deleteFailure(_ input: Operations.DeleteFailure.Input) async throws -> Operations.DeleteFailure.Output {
        let reason: String? = if case .json(let body) = input.body { body.reason } else { nil }
        return .ok(.init(body: .json(try await perform(.delete, input.path.id, reason: reason))))
    }

    private func perform(_ action: FailureService.Action, _ id: String, reason: String?) async throws -> Components.Schemas.Failure {
        try .init(try await failures.perform(action, on: try Self.failureID(id), reason: reason, actor: actor))
    }

    // MARK: - Pulls and what they stored

    func createPull(_ input: Operations.CreatePull.Input) async throws -> Operations.CreatePull.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let job = try await pulls.enqueue(
            PullInput(kind: body.kind.rawValue, open: body.open, fromDate: body.fromDate, modifiedSince: body.modifiedSince,
                      incremental: body.incremental, pageSize: body.pageSize),
            companyID: try Self.companyID(input.path.id), actor: actor
        )
        return .accepted(.init(body: .json(try .init(job))))
    }

    func getPull(_ input: Operations.GetPull.Input) async throws -> Operations.GetPull.Output {
        .ok(.init(body: .json(try .init(try await pulls.pull(try Self.jobID(input.path.id, kind: "pull"))))))
    }

    func listPulls(_ input: Operations.ListPulls.Input) async throws -> Operations.ListPulls.Output {
        let companyID = try await existingCompany(input.path.id)
        let jobs = try await records.latestJobs(companyID: companyID, kinds: JobKind.pulls, limit: Self.limit(input.query.limit))
        return .ok(.init(body: .json(.init(pulls: try jobs.map(Components.Schemas.Pull.init)))))
    }

    func listInvoices(_ input: Operations.ListInvoices.Input) async throws -> Operations.ListInvoices.Output {
        let companyID = try await existingCompany(input.path.id)
        var filter = InvoiceQuery(limit: Self.limit(input.query.limit), after: input.query.after)
        filter.open = input.query.open
        if let customer = input.query.customer?.trimmingCharacters(in: .whitespaces), !customer.isEmpty {
            if let mapping = try await records.mapping(companyID: companyID, externalID: customer) {
                filter.customerListID = mapping.listID
            } else {
                filter.customer = customer
            }
        }
        let invoices = try await records.invoices(companyID: companyID, filter)
        return .ok(.init(body: .json(.init(invoices: invoices.map(Components.Schemas.Invoice.init),
                                            next: invoices.count == filter.limit ? invoices.last?.txnID : nil))))
    }

    func listCustomers(_ input: Operations.ListCustomers.Input) async throws -> Operations.ListCustomers.Output {
        let companyID = try await existingCompany(input.path.id)
        let limit = Self.limit(input.query.limit)
        let customers = try await records.customers(companyID: companyID, search: input.query.search, activeOnly: input.query.active ?? false,
                                                            limit: limit, after: input.query.after)
        return .ok(.init(body: .json(.init(customers: customers.map(Components.Schemas.Customer.init),
                                            next: customers.count == limit ? customers.last?.listID : nil))))
    }

    // MARK: - Raw requests

    func createRawRequest(_ input: Operations.CreateRawRequest.Input) async throws -> Operations.CreateRawRequest.Output {
        let request: RawRequestInput
        switch input.body {
        case .json(let body):
            request = RawRequestInput(qbxml: body.qbxml, minimumVersion: body.minimumVersion, externalId: body.externalId)
        case .xml(let body), .textXml(let body):
            let text: String
            do {
                text = try await String(collecting: body, upTo: RawRequestService.maximumBytes + 1)
            } catch {
                throw APIError.bodyTooLarge(limit: RawRequestService.maximumBytes)
            }
            request = RawRequestInput(qbxml: text, minimumVersion: input.query.minimumVersion, externalId: input.query.externalId)
        }
        switch try await rawRequests.enqueue(request, companyID: try Self.companyID(input.path.id), actor: actor) {
        case .created(let job):
            return .accepted(.init(body: .json(try .init(job, failure: nil))))
        case .existing(let job):
            return .ok(.init(body: .json(try .init(job, failure: try await records.openFailure(forJob: job.id)))))
        }
    }

    func getRawRequest(_ input: Operations.GetRawRequest.Input) async throws -> Operations.GetRawRequest.Output {
        let (job, failure) = try await rawRequests.request(try Self.jobID(input.path.id, kind: "request"))
        return .ok(.init(body: .json(try .init(job, failure: failure))))
    }

    // MARK: - Customer mappings

    func createCustomerMapping(_ input: Operations.CreateCustomerMapping.Input) async throws -> Operations.CreateCustomerMapping.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedBody }
        let outcome = try await mappings.map(
            CustomerMappingInput(externalId: body.externalId, listId: body.listId, name: body.name, email: body.email, replace: body.replace),
            companyID: try Self.companyID(input.path.id), actor: actor
        )
        switch outcome {
        case .mapped(let mapping, let created):
            let value = try Components.Schemas.CustomerMapping(mapping)
            return created ? .created(.init(body: .json(value))) : .ok(.init(body: .json(value)))
        case .conflict(let failure):
            return .conflict(.init(body: .json(.init(
                error: .init(code: "mapping_conflict",
                             message: "Several QuickBooks customers match; nothing was mapped. The failure record lists the candidates; map one explicitly with listId."),
                failure: try .init(failure)
            ))))
        }
    }

    func listCustomerMappings(_ input: Operations.ListCustomerMappings.Input) async throws -> Operations.ListCustomerMappings.Output {
        let companyID = try await existingCompany(input.path.id)
        let list = try await records.mappings(companyID: companyID, limit: Self.limit(input.query.limit), after: input.query.after)
        return .ok(.init(body: .json(.init(mappings: try list.map(Components.Schemas.CustomerMapping.init)))))
    }

    func getCustomerMapping(_ input: Operations.GetCustomerMapping.Input) async throws -> Operations.GetCustomerMapping.Output {
        let companyID = try await existingCompany(input.path.id)
        guard let mapping = try await records.mapping(companyID: companyID, externalID: input.path.externalId) else {
            throw APIError(.notFound, code: "not_found", message: "Customer \(input.path.externalId) is not mapped for this company.")
        }
        return .ok(.init(body: .json(try .init(mapping))))
    }

    func deleteCustomerMapping(_ input: Operations.DeleteCustomerMapping.Input) async throws -> Operations.DeleteCustomerMapping.Output {
        let companyID = try await existingCompany(input.path.id)
        guard try await mappings.remove(companyID: companyID, externalID: input.path.externalId, actor: actor) else {
            throw APIError(.notFound, code: "not_found", message: "Customer \(input.path.externalId) is not mapped for this company.")
        }
        return .noContent(.init())
    }

    // MARK: - Deposits

    func getDepositReport(_ input: Operations.GetDepositReport.Input) async throws -> Operations.GetDepositReport.Output {
        let companyID = try Self.companyID(input.path.id)
        let report = try await deposits.report(companyID: companyID, from: input.query.from, to: input.query.to)
        return .ok(.init(body: .json(try .init(report, companyID: companyID))))
    }

    // MARK: - Help

    func listHelp(_ input: Operations.ListHelp.Input) async throws -> Operations.ListHelp.Output {
        .ok(.init(body: .json(.init(entries: try help.entries(matching: input.query.q).map(Components.Schemas.HelpEntry.init)))))
    }

    // MARK: - Web Connector logs

    func readQWCLog(_ input: Operations.ReadQWCLog.Input) async throws -> Operations.ReadQWCLog.Output {
        let body: HTTPBody
        switch input.body {
        case .plainText(let text): body = text
        case .binary(let bytes): body = bytes
        }
        // A declared length over the limit is refused before a byte is read.
        if case .known(let length) = body.length, length > QWCLogService.maximumUploadBytes {
            throw APIError.from(QWCLogError.tooLarge(limit: QWCLogService.maximumUploadBytes))
        }
        var attachTo: CompanyID?
        if input.query.attach == true {
            guard let company = input.query.companyId else {
                throw APIError(.unprocessableContent, code: "validation_failed", message: "attach=true needs companyId: the company to keep the log with.",
                               fields: ["companyId": "is required with attach=true"])
            }
            attachTo = try Self.companyID(company)
        }
        let analysis = try await services.qwcLogs.read(body, fileName: input.query.fileName, attachTo: attachTo, actor: actor)
        return .ok(.init(body: .json(try .init(analysis))))
    }

    func listQWCLogAttachments(_ input: Operations.ListQWCLogAttachments.Input) async throws -> Operations.ListQWCLogAttachments.Output {
        let companyID = try Self.companyID(input.path.id)
        _ = try await companies.company(companyID)
        let attachments = try await services.qwcLogs.attachments(companyID: companyID)
        return .ok(.init(body: .json(.init(attachments: attachments.map(Components.Schemas.QWCLogAttachment.init)))))
    }

    func getQWCLogAttachment(_ input: Operations.GetQWCLogAttachment.Input) async throws -> Operations.GetQWCLogAttachment.Output {
        let attachment = try await services.qwcLogs.attachment(companyID: try Self.companyID(input.path.id), id: input.path.logId)
        return .ok(.init(body: .plainText(HTTPBody(attachment.content))))
    }

    func getHelp(_ input: Operations.GetHelp.Input) async throws -> Operations.GetHelp.Output {
        .ok(.init(body: .json(try .init(try help.entry(input.path.code)))))
    }

    // MARK: - Reading the request

    /// The company of the path, or a 404 (list operations would otherwise answer an empty list for a typo).
    private func existingCompany(_ text: String) async throws -> CompanyID {
        let id = try Self.companyID(text)
        _ = try await records.existingCompany(id)
        return id
    }

    static func companyID(_ text: String) throws -> CompanyID {
        guard UUID(uuidString: text) != nil else {
            throw APIError(.notFound, code: "not_found", message: "No company with this id; list companies with GET /api/v1/companies.")
        }
        return CompanyID(text.lowercased())
    }

    /// The job id of the path (`kind` names it in the 404: payment, pull, request).
    static func jobID(_ text: String, kind: String) throws -> JobID {
        guard UUID(uuidString: text) != nil else { throw APIError(.notFound, code: "not_found", message: "No \(kind) with this id.") }
        return JobID(text.lowercased())
    }

    static func failureID(_ text: String) throws -> FailureID {
        guard UUID(uuidString: text) != nil else { throw APIError(.notFound, code: "not_found", message: "No failure with this id.") }
        return FailureID(text.lowercased())
    }

    /// `limit`, default 100; its range (1…1000) is the contract's, checked before the handler runs.
    static func limit(_ value: Int?) -> Int {
        value ?? 100
    }

    /// A list's `cursor` parameter: nil when absent, 400 when it is not a cursor this API gave out.
    static func cursor(_ token: String?) throws -> PageCursor? {
        guard let token, !token.isEmpty else { return nil }
        guard let cursor = PageCursor(token: token) else { throw StoreError.invalidCursor }
        return cursor
    }

    /// A comma-separated list of statuses; empty means every status.
    static func list<Value: RawRepresentable & CaseIterable>(_ text: String?, of _: Value.Type, name: String) throws -> [Value] where Value.RawValue == String {
        try (text ?? "").split(separator: ",").map { part in
            guard let value = Value(rawValue: String(part)) else {
                throw APIError(.badRequest, code: "invalid_query",
                               message: "\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", ")).",
                               fields: [name: "unknown status \(part)"])
            }
            return value
        }
    }
}

/// The same JSON object read as another type: the contract's value as Bridge's.
func reencoded<Target: Decodable>(_ value: some Encodable, as _: Target.Type) throws -> Target {
    try JSONDecoder().decode(Target.self, from: try JSONEncoder().encode(value))
}
