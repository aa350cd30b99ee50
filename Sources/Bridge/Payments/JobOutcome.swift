import Domain
import Store
import Triage

/// What a round trip decided for one job; the session saves it (job row, failure record, activity) in one
/// transaction before answering the Web Connector.
enum JobOutcome: Sendable {
    /// Posted (or found already posted by its marker): the QuickBooks TxnID and a result note.
    case posted(txnID: String, note: String?)
    /// A payment's reversal (TxnDel) went through, or the payment was already gone.
    case reversed(note: String)
    /// Failed with a failure record; re-checked later if the draft says so.
    case failed(FailureRecordDraft)
    /// Back to the queue unchanged: `mayExist` when QuickBooks may have applied it (it is looked up before
    /// any re-send), false when QuickBooks said it did not process it (3231).
    case requeued(reason: String, mayExist: Bool)
}
