/// A classified failure, ready to be stored as a failure record (docs/failure-catalogue.md, "The record").
///
/// The classifier produces it from plain values; the bridge adds the IDs, company, job, status
/// and timestamps when it stores it. Texts are written for a bookkeeper; `statusCode`,
/// `statusMessage` and `hresult` keep exactly what QuickBooks and the Web Connector reported.
public struct FailureRecordDraft: Sendable, Codable, Equatable {
    /// The stable category support filters on.
    public var category: FailureCategory
    /// A one-line headline naming the invoice, customer or record involved.
    public var title: String
    /// What happened, in plain words, with the concrete numbers, amounts and dates.
    public var summary: String
    /// The facts the texts were built from.
    public var evidence: FailureEvidence
    /// Ordered steps a bookkeeper can follow in QuickBooks and in QBBridge.
    public var resolution: [String]
    /// What support may do with it, most useful first.
    public var actions: [FailureAction]
    /// True when the bridge re-checks it by itself (see `retryPolicy`).
    public var autoRecheck: Bool
    /// How the bridge re-checks it; nil when it waits for a person.
    public var retryPolicy: RetryPolicy?
    /// The qbXML `statusCode`, for request failures.
    public var statusCode: Int?
    /// The `statusMessage` (or connection message) exactly as received.
    public var statusMessage: String?
    /// The HRESULT as `0x8004xxxx` when it parsed, else as received.
    public var hresult: String?

    /// Builds a draft; `autoRecheck` follows from `retryPolicy`.
    public init(
        category: FailureCategory,
        title: String,
        summary: String,
        evidence: FailureEvidence,
        resolution: [String],
        actions: [FailureAction],
        retryPolicy: RetryPolicy?,
        statusCode: Int? = nil,
        statusMessage: String? = nil,
        hresult: String? = nil
    ) {
        self.category = category
        self.title = title
        self.summary = summary
        self.evidence = evidence
        self.resolution = resolution
        self.actions = actions
        self.autoRecheck = retryPolicy != nil
        self.retryPolicy = retryPolicy
        self.statusCode = statusCode
        self.statusMessage = statusMessage
        self.hresult = hresult
    }
}
