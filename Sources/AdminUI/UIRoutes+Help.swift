import Bridge
import Hummingbird
import Triage

/// `/help` and `/help/{code}` (issue 23): the help catalogue for support staff and for whoever sits at the
/// QuickBooks computer. Public, because the pages hold no customer data and the `.qwc`'s support page sends
/// people here who have no QBBridge sign-in.
extension UIRoutes {
    func registerHelp(on open: RouterGroup<UIRequestContext>) {
        open.get("/help") { request, context -> Response in
            let context = try await withSessionIfAny(request, context)
            // Read from the raw query as a form would be: `+` and `%20` both mean a space.
            let query = FormData(encoded: request.uri.query ?? "").trimmed("q")
            let entries = services.help.entries(matching: query)
            let view = HelpListView(chrome: Chrome(title: "Help", context: context, section: .help, flash: nil),
                                    query: query, entries: entries)
            return page("help", view, context: context)
        }
        open.get("/help/:code") { request, context -> Response in
            let context = try await withSessionIfAny(request, context)
            let code = context.parameters.get("code") ?? ""
            let entry = try services.help.entry(code)
            let view = HelpEntryView(entry, chrome: Chrome(title: "\(entry.code): \(entry.title)", context: context, section: .help, flash: nil))
            return page("help-entry", view, context: context)
        }
    }

    /// The context with the signed-in admin's session when the cookie names one, so staff keep the navigation
    /// on these public pages; anyone else reads them without it.
    private func withSessionIfAny(_ request: Request, _ context: UIRequestContext) async throws -> UIRequestContext {
        guard let token = request.cookies[SessionCookie.session]?.value, let session = try await access.session(token: token) else {
            return context
        }
        var context = context
        context.session = session
        return context
    }
}
