import Bridge
import Hummingbird
import Domain

/// `/companies…`: list, create, setup steps with the .qwc download, schedule, sync start date and password
/// (issue 8 §4). Every change goes through `CompanyService` or the store, which write the activity log.
extension UIRoutes {
    func registerCompanies(on pages: RouterGroup<UIRequestContext>) {
        pages.get("/companies") { _, context -> Response in
            let view = CompanyListView(chrome: try await chrome("Companies", .companies, context: context), companies: try await records.companies())
            return page("companies", view, context: context)
        }
        pages.get("/companies/new") { _, context -> Response in
            page("company-new", CompanyFormView(chrome: try await chrome("Add a company", .companies, context: context)), context: context)
        }
        pages.post("/companies") { _, context -> Response in
            let form = context.form ?? FormData(encoded: "")
            var view = CompanyFormView(chrome: Chrome(title: "Add a company", context: context, section: .companies, flash: nil))
            view.name = form["name"] ?? ""
            view.username = form["username"] ?? ""
            view.runEveryMinutes = form.trimmed("runEveryMinutes") ?? "15"
            view.syncStartDate = form.trimmed("syncStartDate") ?? ""
            guard let minutes = Int(view.runEveryMinutes) else {
                view.runError = "must be a whole number of minutes"
                view.errorSummary = "The company was not added; correct the marked field."
                return page("company-new", view, status: .unprocessableContent, context: context)
            }
            let input = CompanyService.Creation(name: form["name"], username: form["username"], password: form["password"],
                                                runEveryMinutes: minutes, syncStartDate: form.trimmed("syncStartDate"))
            do {
                let company = try await companies.create(input, actor: context.actor)
                return try await redirect("/companies/\(company.id.rawValue)",
                                          flash: Flash(.success, "Company “\(company.name)” added. Follow the steps below to connect its Web Connector."),
                                          context: context)
            } catch BridgeError.invalidInput(let fields) {
                view.nameError = fields["name"]
                view.usernameError = fields["username"]
                view.passwordError = fields["password"]
                view.runError = fields["runEveryMinutes"]
                view.dateError = fields["syncStartDate"]
                view.errorSummary = "The company was not added; correct the marked fields."
                return page("company-new", view, status: .unprocessableContent, context: context)
            } catch BridgeError.conflict(let message) {
                view.usernameError = "is already used by another company"
                view.errorSummary = message
                return page("company-new", view, status: .conflict, context: context)
            }
        }
        pages.get("/companies/:id") { _, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            var view = CompanyView(company, chrome: try await chrome(company.name, .companies, context: context))
            view.data = try await dataView(company)
            view.attachments = try await services.qwcLogs.attachments(companyID: company.id).map {
                CompanyView.AttachmentRow(href: "/companies/\(company.id.rawValue)/qwc-logs/\($0.id)", attached: UIFormat.time($0.attachedAt),
                                          actor: $0.actor, summary: $0.summary, size: QWCLogPageView.size($0.byteCount))
            }
            return page("company", view, context: context)
        }
        pages.get("/companies/:id/qwc") { _, context -> Response in
            let companyID = CompanyID(try id(context, "company", list: "companies"))
            do {
                let file = try await companies.qwcFile(for: companyID)
                return Response(status: .ok, headers: [
                    .contentType: "application/x-qwc; charset=utf-8", .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
                    .contentDisposition: "attachment; filename=\"\(file.filename)\"",
                ], body: .init(byteBuffer: ByteBuffer(string: file.contents)))
            } catch BridgeError.cannotMakeQWC(let reason) {
                return try await redirect("/companies/\(companyID.rawValue)",
                                          flash: Flash(.error, "The .qwc file cannot be made: \(reason)"), context: context)
            }
        }
        pages.post("/companies/:id/settings") { _, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            let form = context.form ?? FormData(encoded: "")
            let minutesText = form.trimmed("runEveryMinutes") ?? ""
            let day = form.trimmed("syncStartDate")
            var view = CompanyView(company, chrome: Chrome(title: company.name, context: context, section: .companies, flash: nil))
            view.runEveryMinutes = minutesText
            view.syncStartDate = day ?? ""
            guard let minutes = Int(minutesText), (1...1440).contains(minutes) else {
                view.runError = "Run every must be a whole number of minutes from 1 to 1440."
                view.data = try await dataView(company)
                return page("company", view, status: .unprocessableContent, context: context)
            }
            if let day, !UIFormat.isDay(day) {
                view.dateError = "The sync start date must be a real day written YYYY-MM-DD, or empty."
                view.data = try await dataView(company)
                return page("company", view, status: .unprocessableContent, context: context)
            }
            _ = try await companies.update(company.id, .init(runEveryMinutes: minutes, syncStartDate: day ?? "",
                                                             pullInvoicesEverySync: form["pullInvoicesEverySync"] == "on"), actor: context.actor)
            let note = minutes == company.runEveryMinutes ? "" : " Download the .qwc again and re-add it so the Web Connector uses the new schedule."
            return try await redirect("/companies/\(company.id.rawValue)", flash: Flash(.success, "Settings saved." + note), context: context)
        }
        pages.post("/companies/:id/password") { _, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            do {
                _ = try await companies.rotatePassword(company.id, to: context.form?["password"] ?? "", actor: context.actor)
                return try await redirect("/companies/\(company.id.rawValue)", flash: Flash(.success,
                    "Password changed. Type the new password in the Web Connector now, or its next run is refused."), context: context)
            } catch BridgeError.invalidInput(let fields) {
                var view = CompanyView(company, chrome: Chrome(title: company.name, context: context, section: .companies, flash: nil))
                view.passwordError = "The password " + (fields["password"] ?? "is not valid") + "; it was not changed."
                view.data = try await dataView(company)
                return page("company", view, status: .unprocessableContent, context: context)
            }
        }
            pages.post("/companies/:id/pulls") { _, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            let kind = context.form?["kind"] == "customers" ? "customers" : "invoices"
            do {
                _ = try await services.pulls.enqueue(PullInput(kind: kind), companyID: company.id, actor: context.actor, origin: "ui")
                return try await redirect("/companies/\(company.id.rawValue)", flash: Flash(.success,
                    "The \(kind) pull is queued; it runs at the next Web Connector sync."), context: context)
            } catch BridgeError.conflict(let message) {
                return try await redirect("/companies/\(company.id.rawValue)", flash: Flash(.error, message), context: context)
            }
        }
        pages.get("/companies/:id/deposits") { request, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            let query = FormData(queryOf: request)
            let chrome = try await chrome("Deposits · \(company.name)", .companies, context: context)
            do {
                let report = try await services.deposits.report(companyID: company.id, from: query.get("from").flatMap { $0.isEmpty ? nil : $0 },
                                                                           to: query.get("to").flatMap { $0.isEmpty ? nil : $0 })
                return page("deposits", DepositPageView(chrome: chrome, company: company, report: report), context: context)
            } catch BridgeError.invalidInput(let fields) {
                let report = try await services.deposits.report(companyID: company.id, from: nil, to: nil)
                var view = DepositPageView(chrome: chrome, company: company, report: report)
                view.settingsError = "The dates were not usable (" + fields.map { "\($0.key) \($0.value)" }.sorted().joined(separator: "; ") + "); showing the default weeks."
                return page("deposits", view, status: .unprocessableContent, context: context)
            }
        }
        pages.post("/companies/:id/deposit-settings") { _, context -> Response in
            let company = try await companies.company(CompanyID(try id(context, "company", list: "companies")))
            let form = context.form ?? FormData(encoded: "")
            func list(_ key: String) -> [String] {
                (form[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            let settings = DepositSettings(
                cardBusinessDays: Int(form.trimmed("cardBusinessDays") ?? "") ?? -1, achBusinessDays: Int(form.trimmed("achBusinessDays") ?? "") ?? -1,
                achLatestBusinessDays: Int(form.trimmed("achLatestBusinessDays") ?? "") ?? -1, cardMethods: list("cardMethods"),
                achMethods: list("achMethods"), holidays: list("holidays"))
            do {
                _ = try await companies.update(company.id, CompanyService.Settings(depositSettings: settings), actor: context.actor)
                return try await redirect("/companies/\(company.id.rawValue)/deposits", flash: Flash(.success, "Deposit settings saved."), context: context)
            } catch BridgeError.invalidInput(let fields) {
                let report = try await services.deposits.report(companyID: company.id, from: nil, to: nil)
                var view = DepositPageView(chrome: try await chrome("Deposits · \(company.name)", .companies, context: context), company: company, report: report)
                view.settingsError = "Not saved: " + fields.map { "\($0.key.replacingOccurrences(of: "depositSettings.", with: "")) \($0.value)" }.sorted().joined(separator: "; ") + "."
                return page("deposits", view, status: .unprocessableContent, context: context)
            }
        }
    }

    /// The company page's QuickBooks data section.
    func dataView(_ company: Company) async throws -> CompanyDataView {
        CompanyDataView(counts: try await records.snapshotCounts(companyID: company.id),
                        pulls: try await records.latestJobs(companyID: company.id, kinds: JobKind.pulls, limit: 5),
                        mappings: try await records.mappingCount(companyID: company.id), company: company)
    }
}
