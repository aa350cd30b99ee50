/// What a webhook event reports (issue 24, "Events"); the raw values are the `type` field receivers switch on
/// and the names an endpoint subscribes to, so they never change once published.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable {
    /// A payment was posted to QuickBooks (it now has a TxnID).
    case paymentPosted = "payment.posted"
    /// A payment stopped with a failure record.
    case paymentFailed = "payment.failed"
    /// A posted payment was deleted again in QuickBooks.
    case paymentReversed = "payment.reversed"
    /// A failure record was closed as resolved (by the bridge or by a person).
    case failureResolved = "failure.resolved"
    /// A person dismissed a failure record.
    case failureDismissed = "failure.dismissed"
    /// A company's connection to QuickBooks opened a problem record.
    case connectionProblem = "connection.problem"
    /// The company's connection problem went away.
    case connectionRestored = "connection.restored"
    /// A pull of invoices or customers finished (or stopped).
    case pullFinished = "pull.finished"
    /// A raw qbXML request was answered (or stopped).
    case requestAnswered = "request.answered"

    /// The subscription that matches every type.
    public static let wildcard = "*"
}
