/// What can go wrong on a UI page before the route's own work, each rendered as an HTML page that says
/// what to do next (never a stack trace).
enum UIError: Error, Sendable, Equatable {
    /// Nothing at this address; the text says where to look instead.
    case notFound(String)
    /// A POST without the session's CSRF token.
    case forbidden
}
