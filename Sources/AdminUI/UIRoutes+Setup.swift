import Bridge
import Hummingbird
import Domain

/// The first admin user without a terminal (issue 25): `serve` prints a one-time link while no admin user exists;
/// its page creates the user and signs them in. The code works once, for 24 hours, and only while no user exists;
/// a wrong or used code gets a page that says how to get a new one (410), never the form.
extension UIRoutes {
    struct SetupView {
        var chrome: Chrome
        var usable: Bool
        var message: String?
        var csrf: String
        var code: String
        var username: String
        var error: String?
        var problems: [String]
        /// Stored, not computed: the templates read values by reflection.
        var hasProblems: Bool
    }

    func registerSetup(on open: RouterGroup<UIRequestContext>) {
        open.get("/setup") { request, context -> Response in
            let code = FormData(queryOf: request).get("code") ?? ""
            guard try await access.setupCodeIsUsable(code) else {
                return try await goneSetupPage(context: context)
            }
            return setupPage(request: request, context: context, code: code, username: "", error: nil, problems: [], status: .ok)
        }
        open.post("/setup") { request, context -> Response in
            var request = request
            let form = try await FormData.read(&request, limit: context.maxUploadSize)
            guard let expected = request.cookies[SessionCookie.login]?.value, CSRF.matches(form["csrf"], expected) else {
                throw UIError.forbidden
            }
            let code = form["code"] ?? ""
            let username = form.trimmed("username") ?? ""
            let user: AdminUser
            do {
                user = try await access.completeSetup(code: code, username: username, password: form["password"] ?? "",
                                                      confirmation: form["confirmation"] ?? "")
            } catch BridgeError.invalidInput(let fields) {
                let problems = fields.sorted { $0.key < $1.key }.map { "\(Self.setupFieldNames[$0.key] ?? $0.key) \($0.value)." }
                return setupPage(request: request, context: context, code: code, username: username, error: nil, problems: problems,
                                 status: .unprocessableContent)
            } catch BridgeError.conflict(let message) {
                return try await goneSetupPage(context: context, message: message)
            }
            context.logger.notice("first admin user created from the set-up link", metadata: ["user": "\(user.username)"])
            let (token, _) = try await access.startSession(for: user, lifetimeSeconds: SessionCookie.lifetimeSeconds)
            let secure = SessionCookie.isSecure(request, tlsConfigured: tlsConfigured)
            var response = Response(status: .seeOther, headers: [.location: "/", .cacheControl: "no-store"])
            response.setCookie(SessionCookie.make(SessionCookie.session, value: token, maxAge: Int(SessionCookie.lifetimeSeconds), secure: secure))
            response.setCookie(SessionCookie.make(SessionCookie.login, value: "", maxAge: 0, secure: secure))
            return response
        }
    }

    static let setupFieldNames = ["username": "The user name", "password": "The password", "confirmation": "The second password"]

    private func setupPage(request: Request, context: UIRequestContext, code: String, username: String, error: String?, problems: [String],
                           status: HTTPResponse.Status) -> Response {
        let token = AccessService.newToken()
        let view = SetupView(chrome: Chrome(title: "Create the first admin user", context: context, section: nil, flash: nil), usable: true,
                             message: nil, csrf: token, code: code, username: username, error: error, problems: problems,
                             hasProblems: !problems.isEmpty)
        var response = page("setup", view, status: status, context: context)
        response.headers[.cacheControl] = "no-store"
        let secure = SessionCookie.isSecure(request, tlsConfigured: tlsConfigured)
        response.setCookie(SessionCookie.make(SessionCookie.login, value: token, maxAge: 3600, secure: secure))
        return response
    }

    private func goneSetupPage(context: UIRequestContext, message: String? = nil) async throws -> Response {
        let text: String
        if let message {
            text = message
        } else if try await access.hasAdminUsers() {
            text = "An admin user exists already: set-up links are only for the first one. Sign in, or ask an admin to create a user with qbbridge user add."
        } else {
            text = AccessService.linkGone
        }
        let view = SetupView(chrome: Chrome(title: "Set-up link", context: context, section: nil, flash: nil), usable: false, message: text,
                             csrf: "", code: "", username: "", error: nil, problems: [], hasProblems: false)
        var response = page("setup", view, status: .gone, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
