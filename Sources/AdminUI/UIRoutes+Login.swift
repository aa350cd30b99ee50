import Bridge
import Hummingbird
import Domain

/// Sign-in and sign-out. Failed sign-ins are counted per user name in the shared `LoginThrottle`
/// (key `ui:<name>`): after five in 15 minutes that name is locked for 15 minutes, on every instance.
extension UIRoutes {
    struct LoginView {
        var chrome: Chrome
        var csrf: String
        var next: String
        var username: String
        var error: String?
        var notice: String?
        /// No admin user exists: the page says how to get a set-up link.
        var noUsers: Bool
    }

    func registerLogin(on open: RouterGroup<UIRequestContext>) {
        open.get("/login") { request, context -> Response in
            if let token = request.cookies[SessionCookie.session]?.value, try await access.session(token: token) != nil {
                return Response(status: .seeOther, headers: [.location: "/"])
            }
            let query = FormData(queryOf: request)
            let notice = query.get("signedOut") != nil ? "You are signed out." : nil
            return loginPage(request: request, context: context, next: Self.safeNext(query.get("next")), username: "", error: nil,
                             notice: notice, noUsers: try await !access.hasAdminUsers(), status: .ok)
        }
        open.post("/login") { request, context -> Response in
            var request = request
            let form = try await FormData.read(&request, limit: context.maxUploadSize)
            guard let expected = request.cookies[SessionCookie.login]?.value, CSRF.matches(form["csrf"], expected) else {
                throw UIError.forbidden
            }
            let username = form.trimmed("username") ?? ""
            let password = form["password"] ?? ""
            let next = Self.safeNext(form["next"])
            let key = "ui:" + username.lowercased()
            if try await access.isLocked(key) {
                return loginPage(request: request, context: context, next: next, username: username,
                                 error: "Too many failed sign-ins for this user name. Wait 15 minutes, or ask an operator to check the account.",
                                 status: .tooManyRequests)
            }
            guard !username.isEmpty, !password.isEmpty, let user = try await verify(username: username, password: password) else {
                let locked = try await access.recordFailure(key)
                context.logger.notice("UI sign-in failed", metadata: ["locked": "\(locked)"])
                return loginPage(request: request, context: context, next: next, username: username,
                                 error: locked ? "Too many failed sign-ins for this user name. Wait 15 minutes, or ask an operator to check the account."
                                               : "The user name or password is wrong. Check them and try again.",
                                 status: locked ? .tooManyRequests : .unauthorized)
            }
            try await access.recordSuccess(key)
            let (token, _) = try await access.startSession(for: user, lifetimeSeconds: SessionCookie.lifetimeSeconds)
            let secure = SessionCookie.isSecure(request, tlsConfigured: tlsConfigured)
            var response = Response(status: .seeOther, headers: [.location: next, .cacheControl: "no-store"])
            response.setCookie(SessionCookie.make(SessionCookie.session, value: token, maxAge: Int(SessionCookie.lifetimeSeconds), secure: secure))
            response.setCookie(SessionCookie.make(SessionCookie.login, value: "", maxAge: 0, secure: secure))
            return response
        }
    }

    func registerLogout(on pages: RouterGroup<UIRequestContext>) {
        pages.post("/logout") { request, context -> Response in
            if let session = context.session { try await access.endSession(session) }
            let secure = SessionCookie.isSecure(request, tlsConfigured: tlsConfigured)
            var response = Response(status: .seeOther, headers: [.location: "/login?signedOut=1", .cacheControl: "no-store"])
            response.setCookie(SessionCookie.make(SessionCookie.session, value: "", maxAge: 0, secure: secure))
            return response
        }
    }

    /// The user when the password matches; an unknown name costs the same bcrypt time as a known one.
    private func verify(username: String, password: String) async throws -> AdminUser? {
        try await access.signIn(username: username, password: password)
    }

    /// The login form with a fresh one-time token in its cookie and hidden field.
    private func loginPage(request: Request, context: UIRequestContext, next: String, username: String, error: String?,
                           notice: String? = nil, noUsers: Bool = false, status: HTTPResponse.Status) -> Response {
        let token = AccessService.newToken()
        let view = LoginView(chrome: Chrome(title: "Sign in", context: context, section: nil, flash: nil), csrf: token, next: next,
                             username: username, error: error, notice: notice, noUsers: noUsers)
        var response = page("login", view, status: status, context: context)
        let secure = SessionCookie.isSecure(request, tlsConfigured: tlsConfigured)
        response.setCookie(SessionCookie.make(SessionCookie.login, value: token, maxAge: 3600, secure: secure))
        return response
    }

    /// Only a path on this site (never `//other.example` or a full URL), so the login cannot be used to
    /// send people elsewhere.
    static func safeNext(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), !text.hasPrefix("/login"),
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return "/" }
        return text
    }
}
