import Bridge
import Hummingbird
import Domain

/// `/payments`, `/payments/{id}` (issue 8 §5) and `/activity` (§6).
extension UIRoutes {
    func registerPayments(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/payments") { request, context -> Response in
            let query = FormData(queryOf: request)
            let text = query.get("q")?.trimmingCharacters(in: .whitespaces) ?? ""
            let status = query.get("status").flatMap(JobStatus.init(rawValue:))
            let companyID = query.get("companyId").flatMap(UIFormat.uuid)
            let cursor = query.get("cursor").flatMap(PageCursor.init(token:))
            let found = try await records.searchJobs(kind: .paymentPost, companyID: companyID.map(CompanyID.init), status: status,
                                                     externalIDContaining: text, before: cursor, limit: 50)
            let jobs = found.items
            let companies = try await records.companies()
            let names = Dictionary(uniqueKeysWithValues: companies.map { ($0.id.rawValue, $0.name) })
            var next: String?
            if let cursor = found.next {
                var parts = ["cursor=" + cursor.token]
                if !text.isEmpty { parts.append("q=" + UIFormat.query(text)) }
                if let status { parts.append("status=" + status.rawValue) }
                if let companyID { parts.append("companyId=" + companyID) }
                next = "/payments?" + parts.joined(separator: "&")
            }
            let filtered = !text.isEmpty || status != nil || companyID != nil
            let view = PaymentListView(
                chrome: try await chrome("Payments", .payments, context: context), query: text,
                statusOptions: JobStatus.allCases.map { OptionView(value: $0.rawValue, label: UIFormat.status($0), selected: $0 == status) },
                companyOptions: companies.map { OptionView(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == companyID) },
                rows: jobs.map { PaymentListView.row($0, companyName: names[$0.companyID.rawValue] ?? "—") }, hasRows: !jobs.isEmpty,
                nextHref: next,
                emptyHint: filtered ? "Nothing matches this search. Check the external id, or widen the filter."
                                    : "No payments yet. Upstream apps queue them with POST /api/v1/companies/{id}/payments."
            )
            return page("payments", view, context: context)
        }
        pages.get("/payments/:id") { _, context -> Response in
            let jobID = JobID(try id(context, "payment", list: "payments"))
            guard let job = try await records.job(jobID), job.kind == .paymentPost else {
                throw UIError.notFound("There is no payment at this address. Search for it on the payments list by its external id.")
            }
            let failure = try await records.openFailure(forJob: job.id)
            let jobFailures = try await records.failures(forJob: job.id)
            let history = try await records.history(subjectIDs: [job.id.rawValue] + jobFailures.map(\.id.rawValue))
            let name = try await records.company(job.companyID)?.name ?? "—"
            let view = PaymentView(job, failure: failure ?? jobFailures.first, companyName: name, history: history,
                                   chrome: try await chrome("Payment \(job.externalID ?? job.id.rawValue)", .payments, context: context))
            return page("payment", view, context: context)
        }
    }

    func registerActivity(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/activity") { request, context -> Response in
            let query = FormData(queryOf: request)
            let companyID = query.get("companyId").flatMap(UIFormat.uuid)
            let before = query.get("before").flatMap { Int64($0) }
            let limit = query.get("limit").flatMap { Int($0) }.map { min(max($0, 1), 200) } ?? 50
            let entries = try await records.activity(companyID: companyID.map(CompanyID.init), before: before, limit: limit)
            let companies = try await records.companies()
            let names = Dictionary(uniqueKeysWithValues: companies.map { ($0.id.rawValue, $0.name) })
            let rows = entries.map { entry in
                ActivityView.Row(time: UIFormat.time(entry.at), actor: entry.actor, action: ActivityWording.phrase(for: entry.action), code: entry.action,
                                 href: Self.link(entry),
                                 company: entry.companyID.flatMap { names[$0.rawValue] } ?? "—", detail: UIFormat.detail(entry.detail) ?? "")
            }
            var next: String?
            if entries.count == limit, let last = entries.last {
                next = "/activity?before=\(last.id)" + (companyID.map { "&companyId=" + $0 } ?? "") + (limit == 50 ? "" : "&limit=\(limit)")
            }
            let view = ActivityView(
                chrome: try await chrome("Activity", .activity, context: context),
                companyOptions: companies.map { OptionView(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == companyID) },
                rows: rows, hasRows: !rows.isEmpty, nextHref: next
            )
            return page("activity", view, context: context)
        }
    }

    /// The page of the record an entry is about, where the UI has one.
    static func link(_ entry: ActivityEntry) -> String? {
        guard let id = entry.subjectID else { return nil }
        switch entry.subject {
        case "job": return "/payments/\(id)"
        case "failure": return "/failures/\(id)"
        case "company": return "/companies/\(id)"
        default: return nil
        }
    }
}
