/// What the layout around every page shows: the title, the signed-in user with the sign-out form (which
/// needs the CSRF token), the navigation with the current section marked, and the flash message.
struct Chrome {
    struct NavItem {
        var href: String
        var label: String
        var current: Bool
    }

    struct FlashView {
        var kind: String
        var message: String
    }

    var title: String
    var user: String?
    var csrf: String
    var nav: [NavItem]
    var flash: FlashView?

    /// The sections of the UI, in navigation order.
    enum Section: String, CaseIterable {
        case dashboard = "/"
        case failures = "/failures"
        case payments = "/payments"
        case companies = "/companies"
        case activity = "/activity"
        case webhooks = "/webhooks"
        case help = "/help"

        var label: String {
            switch self {
            case .dashboard: "Dashboard"
            case .failures: "Failures"
            case .payments: "Payments"
            case .companies: "Companies"
            case .activity: "Activity"
            case .webhooks: "Webhooks"
            case .help: "Help"
            }
        }
    }

    init(title: String, context: UIRequestContext, section: Section?, flash: Flash?) {
        self.title = title
        self.user = context.session?.user.username
        self.csrf = context.session?.csrfToken ?? ""
        self.nav = context.session == nil ? [] : Section.allCases.map { NavItem(href: $0.rawValue, label: $0.label, current: $0 == section) }
        self.flash = flash.map { FlashView(kind: $0.kind.rawValue, message: $0.message) }
    }
}
