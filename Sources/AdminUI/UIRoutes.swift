public import Bridge
public import Hummingbird
public import RouteContext
import Domain

/// The admin web UI (docs/architecture.md, "The JSON API and the web UI", issue 8): server-rendered pages over the same services
/// as the JSON API, behind a login, with CSRF-checked plain forms and no script.
///
/// Public: `/login`, `/setup` (the first admin user, by one-time link), `/assets/app.css`, the help pages (`/help`, which hold no customer data and are what
/// the `.qwc`'s support page points the Web Connector's user to) and the 404 page. Everything else needs a signed-in session and
/// redirects to `/login` without one.
public struct UIRoutes: Sendable {
    let services: BridgeServices
    /// True when the server itself serves HTTPS, so session cookies are always `Secure`.
    let tlsConfigured: Bool
    let renderer: PageRenderer

    /// The UI over Bridge's services.
    public init(services: BridgeServices, tlsConfigured: Bool) {
        self.services = services
        self.tlsConfigured = tlsConfigured
        self.renderer = PageRenderer()
    }

    var records: Records { services.records }
    var access: AccessService { services.access }
    var companies: CompanyService { services.companies }
    var failures: FailureService { services.failures }
    var health: HealthService { services.health }

    /// Adds the UI's routes to the router; the SOAP, API, health and metrics routes are left as they are.
    public func register(on router: Router<BridgeRequestContext>) {
        let open = router.group(context: UIRequestContext.self).add(middleware: UIErrorMiddleware(renderer: renderer))
        open.get("/assets/app.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        registerLogin(on: open)
        registerSetup(on: open)
        registerHelp(on: open)
        open.get("**") { request, _ -> Response in
            // Paths of the machine interfaces keep their plain 404, exactly as before the UI existed.
            let path = request.uri.path
            if path.hasPrefix("/api/") || path.hasPrefix("/qbwc") { throw HTTPError(.notFound) }
            throw UIError.notFound("Nothing lives at this address. Use the navigation, or start again from the dashboard.")
        }

        let pages = router.group(context: UIRequestContext.self)
            .add(middleware: UIErrorMiddleware(renderer: renderer))
            .add(middleware: UIAuthMiddleware(access: access))
            .add(middleware: CSRFMiddleware())
        registerLogout(on: pages)
        registerDashboard(on: pages)
        registerFailures(on: pages)
        registerCompanies(on: pages)
        registerPayments(on: pages)
        registerActivity(on: pages)
        registerQWCLogs(on: pages)
        registerWebhooks(on: pages)
    }

    /// Renders a page with its view.
    func page(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok, context: UIRequestContext) -> Response {
        renderer.page(template, view, status: status, logger: context.logger)
    }

    /// The chrome of a page, taking the session's waiting flash message.
    func chrome(_ title: String, _ section: Chrome.Section?, context: UIRequestContext) async throws -> Chrome {
        Chrome(title: title, context: context, section: section, flash: try await Flash.take(from: context.session, access: access))
    }

    /// After a form: the message for the next page, and a 303 so a reload does not post again.
    func redirect(_ location: String, flash: Flash?, context: UIRequestContext) async throws -> Response {
        if let flash { try await Flash.set(flash, on: context.session, access: access) }
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The companies for filter menus, with one selected.
    func companyOptions(selected: String?) async throws -> [OptionView] {
        try await records.companies().map { OptionView(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == selected) }
    }

    /// A path parameter that must be a UUID, or the page is a 404 that says where to look.
    func id(_ context: UIRequestContext, _ kind: String, list: String) throws -> String {
        guard let id = UIFormat.uuid(context.parameters.get("id")) else {
            throw UIError.notFound("That is not a \(kind) address. Pick the \(kind) from the \(list) list.")
        }
        return id
    }
}
