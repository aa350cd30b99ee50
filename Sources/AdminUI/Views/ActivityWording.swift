/// The activity log's events in plain words. The log stores a stable code per event (`payment.posted`,
/// `company.quickbooks_reported`) for the API and for searching; a person reading the activity page gets what
/// happened. A code without wording here (a new event) is shown as its words, never hidden.
enum ActivityWording {
    static func phrase(for code: String) -> String {
        phrases[code] ?? UIFormat.label(code.replacingOccurrences(of: ".", with: " "))
    }

    private static let phrases: [String: String] = [
        "admin_user.created": "Admin user added",
        "admin_user.password_changed": "Admin password changed",
        "admin_user.removed": "Admin user removed",
        "admin_user.signed_in": "Signed in",
        "admin_user.signed_out": "Signed out",
        "company.created": "Company connection added",
        "company.updated": "Company settings changed",
        "company.quickbooks_reported": "QuickBooks reported its details",
        "failure.opened": "Failure recorded",
        "failure.open": "Failure reopened",
        "failure.resolved": "Failure resolved",
        "failure.dismissed": "Syncing dismissed",
        "failure.deleted": "Failure deleted",
        "failure.retry": "Retry requested",
        "job.queued": "Queued",
        "job.in_flight": "Sent to QuickBooks",
        "job.uncertain": "Waiting to be looked up in QuickBooks",
        "job.posted": "Posted",
        "job.failed": "Failed",
        "job.dismissed": "Dismissed",
        "job.reversing": "Reversal under way",
        "job.reversed": "Reversed",
        "job.deleted": "Deleted",
        "job.requeued": "Queued again",
        "mapping.created": "Customer mapping added",
        "mapping.updated": "Customer mapping changed",
        "mapping.removed": "Customer mapping removed",
        "payment.posted": "Payment posted",
        "payment.reversal_queued": "Payment reversal queued",
        "payment.reversed": "Payment reversed",
        "pull.done": "Pull finished",
        "pull.failed": "Pull failed",
        "request.answered": "Request answered",
        "request.failed": "Request failed",
        "session.opened": "Web Connector connected",
        "session.closed": "Web Connector finished",
        "session.expired": "Web Connector session expired",
        "session.replaced": "Web Connector session taken over",
        "session.connection_error": "Web Connector could not reach QuickBooks",
        "session.request_set_rejected": "QuickBooks refused a request set",
        "token.created": "API token created",
    ]
}
