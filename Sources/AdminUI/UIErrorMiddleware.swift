import Bridge
import Hummingbird
import Logging
import Domain

/// Turns every error of a UI page into an HTML page that says what happened and what to do next, with the
/// right status; unexpected errors are logged and shown without internals (no stack trace, no secret).
struct UIErrorMiddleware: RouterMiddleware {
    typealias Context = UIRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let page = ErrorPage(error, context: context)
            if page.status.code >= 500 {
                context.logger.error("UI request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            return renderer.page("error", page.view, status: page.status, logger: context.logger)
        }
    }
}

/// The content of an error page for an error.
struct ErrorPage {
    struct Link {
        var href: String
        var label: String
    }

    struct View {
        var chrome: Chrome
        var heading: String
        var message: String
        var links: [Link]
    }

    var status: HTTPResponse.Status
    var view: View

    init(_ error: any Error, context: UIRequestContext) {
        let home = [Link(href: "/", label: "Go to the dashboard")]
        let (status, heading, message, links): (HTTPResponse.Status, String, String, [Link])
        switch error {
        case UIError.notFound(let hint):
            (status, heading, message, links) = (.notFound, "Page not found", hint, home)
        case UIError.forbidden:
            (status, heading, message, links) = (.forbidden, "This form was refused",
                "The form did not carry this session's security token, so nothing was changed. This happens when a page was open "
                    + "from before you signed in again, or when the form came from another site. Go back, reload the page and try again.",
                home)
        case BridgeError.notFound("help entry", let code):
            (status, heading, message, links) = (.notFound, "No help for that code",
                "QBBridge has no help entry for “\(code)”. Search the help pages by code, category or words: the code may be written differently.",
                [Link(href: "/help", label: "Search the help pages")])
        case BridgeError.notFound(let kind, _), StoreError.notFound(let kind, _):
            (status, heading, message, links) = (.notFound, "No such \(kind)",
                "There is no \(kind) at this address; it may have been removed. Pick it again from the list.", Self.listLinks(kind))
        case BridgeError.conflict(let text):
            (status, heading, message, links) = (.conflict, "That cannot be done now", text, home)
        case let error as BridgeError:
            (status, heading, message, links) = (.unprocessableContent, "That cannot be done", error.description, home)
        case let error as HTTPError where error.status == .contentTooLarge:
            (status, heading, message, links) = (.contentTooLarge, "Too much data", "The form sent more than QBBridge accepts; shorten it and try again.", home)
        case let error as HTTPError where (400..<500).contains(error.status.code):
            (status, heading, message, links) = (error.status, "The request was not understood", "Go back and try again.", home)
        default:
            (status, heading, message, links) = (.internalServerError, "Something went wrong",
                "QBBridge could not complete this request; the error has been logged. Try again in a moment, "
                    + "and if it keeps happening, look at the server log for the reason.", home)
        }
        self.status = status
        self.view = View(chrome: Chrome(title: heading, context: context, section: nil, flash: nil), heading: heading, message: message, links: links)
    }

    private static func listLinks(_ kind: String) -> [Link] {
        switch kind {
        case "company": [Link(href: "/companies", label: "See all companies")]
        case "failure": [Link(href: "/failures", label: "See the failures list")]
        case "payment", "job": [Link(href: "/payments", label: "See the payments list")]
        default: [Link(href: "/", label: "Go to the dashboard")]
        }
    }
}
