import Crypto
import Foundation
public import QBXML
public import Domain
import Store

/// The marker every posted payment carries so that a payment whose answer was lost can be found again
/// before anything is re-sent (docs/qbxml-messages.md, "Finding a payment again"): a deterministic ExternalGUID derived from the job id
/// (qbXML 9.0+), and a short tag in the memo for people and for older versions.
public enum PaymentMarker {
    /// `{8-4-4-4-12}` from SHA-256 of the job id, shaped as a version-5-style UUID.
    public static func externalGUID(for job: JobID) -> QBGUID {
        var bytes = Array(SHA256.hash(data: Data(("qbbridge-payment:" + job.rawValue).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return QBGUID(uuid)
    }

    /// `QBB:` and the first 8 characters of the job id.
    static func memoTag(for job: JobID) -> String {
        "QBB:" + String(job.rawValue.replacingOccurrences(of: "-", with: "").prefix(8))
    }

    /// The memo sent: the upstream memo, then the tag.
    static func memo(_ memo: String?, job: JobID) -> String {
        guard let memo, !memo.isEmpty else { return memoTag(for: job) }
        return memo + " " + memoTag(for: job)
    }

    /// Whether a payment QuickBooks returned is the one this job posted.
    static func matches(_ payment: ReceivePayment, job: JobID) -> Bool {
        if let guid = payment.externalGUID, guid.caseInsensitiveCompare(externalGUID(for: job).rawValue) == .orderedSame { return true }
        return payment.memo?.contains(memoTag(for: job)) == true
    }
}
