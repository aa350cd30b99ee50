import Foundation
import Hummingbird

/// The cookies of the web UI and their attributes, in one place.
///
/// - `HttpOnly`: no script can read the session token (the UI has no script at all).
/// - `SameSite=Lax`, not `Strict`: `Strict` withholds the cookie on any navigation that starts on another
///   site, so following a link to a failure from an e-mail or chat lands on the login page, and some
///   browsers drop it on the redirect that follows the login POST. `Lax` still keeps the cookie off
///   cross-site POSTs and sub-requests, and every form also carries a CSRF token, so nothing is lost.
/// - `Secure` when the request came over HTTPS (served directly with a certificate, or through a proxy that
///   says `X-Forwarded-Proto: https`), so the cookie never travels in clear once HTTPS is in use.
/// - `Path=/`: one session for every UI page.
enum SessionCookie {
    /// The signed-in session's token.
    static let session = "qbb_session"
    /// The login form's one-time CSRF token (double-submit: cookie and hidden field must match).
    static let login = "qbb_login"
    /// How long a session lasts, seconds.
    static let lifetimeSeconds: Double = 12 * 3600

    /// A cookie with the UI's attributes; `maxAge` 0 deletes it.
    static func make(_ name: String, value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Whether the browser reached us over HTTPS.
    static func isSecure(_ request: Request, tlsConfigured: Bool) -> Bool {
        guard !tlsConfigured else { return true }
        return request.headers.contains { $0.name.canonicalName == "x-forwarded-proto" && $0.value.lowercased() == "https" }
    }
}
