import Foundation

/// A queued unit of work's public id (UUID text).
public struct JobID: Identifier {
    /// The UUID text.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// What a job does.
public enum JobKind: String, Sendable, Codable, CaseIterable {
    /// Post a payment as a ReceivePayment applied to invoices.
    case paymentPost = "payment_post"
    /// Delete a posted ReceivePayment so its invoices reopen (a refund).
    case paymentReverse = "payment_reverse"
    /// Read invoices out of QuickBooks into the snapshot store (iterator pages over sessions).
    case invoicePull = "invoice_pull"
    /// Read customers out of QuickBooks into the snapshot store.
    case customerPull = "customer_pull"
    /// A qbXML request supplied by an upstream app, checked against the schema, its answer kept.
    case rawRequest = "raw_request"

    /// The kinds the payment driver posts in batches.
    public static let payments: [JobKind] = [.paymentPost, .paymentReverse]
    /// The kinds that read QuickBooks page by page.
    public static let pulls: [JobKind] = [.invoicePull, .customerPull]
}

/// Where a job is (docs/architecture.md, "The durable job queue", issue "Payment posting").
public enum JobStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for the company's next session.
    case queued
    /// Claimed by a session; its request may be on its way to QuickBooks.
    case inFlight = "in_flight"
    /// Sent, but the answer never came: looked up before it is sent again.
    case uncertain
    /// Done in QuickBooks (a payment posted, a reversal applied).
    case posted
    /// Stopped with a failure record that says why.
    case failed
    /// A person decided it must never be sent.
    case dismissed
    /// A posted payment whose reversal (TxnDel) is queued or running.
    case reversing
    /// A posted payment deleted again in QuickBooks (refund).
    case reversed
}

/// A job as stored.
public struct Job: Sendable, Equatable {
    /// Public id.
    public var id: JobID
    /// Queue order within the company (FIFO within a priority).
    public var sequence: Int64
    /// The company whose Web Connector runs it.
    public var companyID: CompanyID
    /// What it does.
    public var kind: JobKind
    /// Where it is.
    public var status: JobStatus
    /// Higher runs first.
    public var priority: Int
    /// The upstream app's idempotency key.
    public var externalID: String?
    /// SHA-256 of the canonical request body (to tell a replay from a conflicting reuse of the key).
    public var bodyHash: String?
    /// The job's input (JSON).
    public var payload: String
    /// Run state the bridge keeps between round trips (JSON).
    public var state: String?
    /// The outcome (JSON).
    public var result: String?
    /// QuickBooks' TxnID once posted.
    public var txnID: String?
    /// The session that claimed it.
    public var sessionID: String?
    /// When it was claimed.
    public var claimedAt: Timestamp?
    /// When its request was handed to the Web Connector.
    public var sentAt: Timestamp?
    /// Times it was sent.
    public var attempts: Int
    /// Not before this time (backoff).
    public var nextAttemptAt: Timestamp?
    /// A job whose result this one must see first.
    public var dependsOn: JobID?
    /// Created.
    public var createdAt: Timestamp
    /// Last change.
    public var updatedAt: Timestamp

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(id: JobID, sequence: Int64, companyID: CompanyID, kind: JobKind, status: JobStatus, priority: Int, externalID: String? = nil, bodyHash: String? = nil, payload: String, state: String? = nil, result: String? = nil, txnID: String? = nil, sessionID: String? = nil, claimedAt: Timestamp? = nil, sentAt: Timestamp? = nil, attempts: Int, nextAttemptAt: Timestamp? = nil, dependsOn: JobID? = nil, createdAt: Timestamp, updatedAt: Timestamp) {
        self.id = id
        self.sequence = sequence
        self.companyID = companyID
        self.kind = kind
        self.status = status
        self.priority = priority
        self.externalID = externalID
        self.bodyHash = bodyHash
        self.payload = payload
        self.state = state
        self.result = result
        self.txnID = txnID
        self.sessionID = sessionID
        self.claimedAt = claimedAt
        self.sentAt = sentAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.dependsOn = dependsOn
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A job to enqueue.
public struct NewJob: Sendable {
    /// Company.
    public var companyID: CompanyID
    /// Kind.
    public var kind: JobKind
    /// Priority (default 0).
    public var priority: Int
    /// Idempotency key.
    public var externalID: String?
    /// Hash of the canonical body.
    public var bodyHash: String?
    /// Input JSON.
    public var payload: String
    /// Must see this job's result first.
    public var dependsOn: JobID?

    /// Creates the input.
    public init(companyID: CompanyID, kind: JobKind, priority: Int = 0, externalID: String?, bodyHash: String?, payload: String, dependsOn: JobID? = nil) {
        self.companyID = companyID
        self.kind = kind
        self.priority = priority
        self.externalID = externalID
        self.bodyHash = bodyHash
        self.payload = payload
        self.dependsOn = dependsOn
    }
}

/// The result of enqueueing with an idempotency key.
public enum EnqueueResult: Sendable, Equatable {
    /// A new job.
    case created(Job)
    /// The same key and body were seen before: the existing job.
    case existing(Job)
}

/// A job's new state with its activity entry and failure-record change, saved together.
public struct JobChange: Sendable {
    public var job: Job
    public var activity: NewActivity?
    public var failure: FailureChange

    /// Creates a change.
    public init(_ job: Job, activity: NewActivity?, failure: FailureChange = .none) {
        self.job = job
        self.activity = activity
        self.failure = failure
    }
}
