import Bridge
import Hummingbird
import Domain
import Triage

/// `/failures` and `/failures/{id}` with Retry, Dismiss syncing and Delete (issue 8 §3).
extension UIRoutes {
    func registerFailures(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/failures") { request, context -> Response in
            let query = FormData(queryOf: request)
            let companyID = query.get("companyId").flatMap(UIFormat.uuid)
            let category = query.get("category").flatMap { FailureCategory(rawValue: $0)?.rawValue }
            let statusText = query.get("status") ?? "open"
            let status = FailureStatus(rawValue: statusText)
            let names = Dictionary(uniqueKeysWithValues: try await records.companies().map { ($0.id.rawValue, $0.name) })
            let limit = 100
            let cursor = query.get("cursor").flatMap(PageCursor.init(token:))
            let found = try await records.failures(companyID: companyID.map(CompanyID.init), statuses: status.map { [$0] } ?? [],
                                                  category: category, includeDeleted: statusText == "all", before: cursor, limit: limit)
            var filter = ["status=" + UIFormat.query(statusText)]
            if let companyID { filter.append("companyId=" + companyID) }
            if let category { filter.append("category=" + category) }
            let firstHref = "/failures?" + filter.joined(separator: "&")
            let nextHref = found.next.map { firstHref + "&cursor=" + $0.token }
            let rows = found.items.map { record in
                FailureListView.Row(href: "/failures/\(record.id.rawValue)", title: record.title, category: record.category.rawValue,
                                    company: names[record.companyID.rawValue] ?? "—", status: record.status.rawValue,
                                    created: UIFormat.timeAndAge(record.createdAt))
            }
            var statuses = FailureStatus.allCases.map { OptionView(value: $0.rawValue, label: UIFormat.label($0.rawValue), selected: $0 == status) }
            statuses.append(OptionView(value: "any", label: "Any but deleted", selected: statusText == "any"))
            statuses.append(OptionView(value: "all", label: "All, with deleted", selected: statusText == "all"))
            let filtered = companyID != nil || category != nil || status != .open
            let view = FailureListView(
                chrome: try await chrome("Failures", .failures, context: context),
                companyOptions: names.sorted { $0.value < $1.value }.map { OptionView(value: $0.key, label: $0.value, selected: $0.key == companyID) },
                categoryOptions: FailureCategory.allCases.map { OptionView(value: $0.rawValue, label: UIFormat.label($0.rawValue), selected: $0.rawValue == category) },
                statusOptions: statuses, rows: rows, hasRows: !rows.isEmpty, nextHref: nextHref, firstHref: cursor == nil ? nil : firstHref,
                emptyHint: filtered ? "Nothing matches this filter. Widen it (for example, any status or all companies)."
                                    : "No open failures: every payment either posted or is waiting for the next sync."
            )
            return page("failures", view, context: context)
        }
        pages.get("/failures/:id") { _, context -> Response in
            let record = try await failures.failure(FailureID(try id(context, "failure", list: "failures")))
            return page("failure", try await failureView(record, context: context, flash: true), context: context)
        }
        for action in FailureService.Action.allCases {
            pages.post("/failures/:id/\(action.rawValue)") { _, context -> Response in
                let failureID = FailureID(try id(context, "failure", list: "failures"))
                let reason = context.form?.trimmed("reason")
                do {
                    let record = try await failures.perform(action, on: failureID, reason: reason, actor: context.actor)
                    switch action {
                    case .retry:
                        return try await redirect("/failures/\(failureID.rawValue)", flash: Flash(.success, record.jobID == nil
                            ? "Marked for retry." : "The payment is queued again; it is sent at the Web Connector's next run."), context: context)
                    case .dismiss:
                        return try await redirect("/failures/\(failureID.rawValue)",
                                                  flash: Flash(.success, "Syncing dismissed: this payment will never be sent to QuickBooks."), context: context)
                    case .delete:
                        return try await redirect("/failures", flash: Flash(.success, "Failure “\(record.title)” deleted; it stays in the activity log."),
                                                  context: context)
                    }
                } catch BridgeError.invalidInput(let fields) {
                    // Only Dismiss validates input (its reason): show the page again with the message at the field.
                    var view = try await failureView(try await failures.failure(failureID), context: context, flash: false)
                    view.dismissError = "Give a reason: " + (fields["reason"] ?? "it is required") + "."
                    view.dismissOpen = true
                    view.actionError = "Syncing was not dismissed: a reason is required."
                    return page("failure", view, status: .unprocessableContent, context: context)
                } catch BridgeError.conflict(let message) {
                    return try await redirect("/failures/\(failureID.rawValue)", flash: Flash(.error, message), context: context)
                }
            }
        }
    }

    private func failureView(_ record: FailureRecord, context: UIRequestContext, flash: Bool) async throws -> FailureView {
        let name = try await records.company(record.companyID)?.name ?? "—"
        let chrome = flash ? try await chrome(record.title, .failures, context: context)
            : Chrome(title: record.title, context: context, section: .failures, flash: nil)
        return FailureView(record, companyName: name, chrome: chrome)
    }
}
