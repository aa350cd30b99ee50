import Hummingbird
import RouteContext
import Logging
import Domain

/// The request context of the web UI's routes: the bridge's context plus the signed-in browser session
/// (set by `UIAuthMiddleware`) and the posted form (read once, by `CSRFMiddleware`, which checks it).
struct UIRequestContext: ChildRequestContext {
    typealias ParentContext = BridgeRequestContext

    var coreContext: CoreRequestContextStorage
    /// The signed-in session; nil only on the public pages (login, stylesheet, 404).
    var session: UISession?
    /// The url-encoded form of a POST, already checked for its CSRF token.
    var form: FormData?

    init(context: BridgeRequestContext) throws {
        self.coreContext = context.coreContext
        self.session = nil
        self.form = nil
    }

    /// Forms are small; a larger body is refused before it is read.
    var maxUploadSize: Int { 64 * 1024 }

    /// Who did it, for the activity log (`admin:<user>`).
    var actor: String { session.map { "admin:" + $0.user.username } ?? "admin" }
}
