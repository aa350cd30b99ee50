/// What QuickBooks refusing a whole request set (receiveResponseXML with an HRESULT instead of a response)
/// means for the work in it. QuickBooks processed none of the set in every case; what differs is whether
/// sending it again can help.
public enum RequestSetRefusal: Sendable, Equatable {
    /// The set itself was at fault: QuickBooks could not read it (0x80040400) or does not know its version
    /// (0x80040423). It would be refused the same way at every sync, so each job in it fails with its own
    /// record, which offers Retry for after a fix; nothing is sent again by itself.
    case requestFault
    /// QuickBooks was busy or briefly unreachable: the work goes back to the queue and the next sync sends it
    /// again by itself.
    case transient
    /// QuickBooks' side failed (the company file closed, QuickBooks gone): a connection problem of the company;
    /// the work waits in the queue.
    case connection

    /// How a refusal with this HRESULT and message is handled.
    public init(hresult: String, message: String) {
        switch Classifier.classify(ConnectionFailureInput(source: .receiveResponseXML, hresult: hresult, message: message)).category {
        case .invalidRequest, .qbxmlVersionUnsupported: self = .requestFault
        case .quickbooksBusy, .recordLocked, .notProcessed: self = .transient
        default: self = .connection
        }
    }
}

extension Classifier {
    /// The record of one job whose request set QuickBooks refused because of the set itself (`requestFault`):
    /// the HRESULT's category, text and evidence, with the request element the job sent in it, and Retry
    /// allowed (after whoever runs QBBridge or the sending app has fixed the request), never automatic.
    public static func refusedSet(hresult: String, message: String, element: String, companyFilePath: String? = nil) -> FailureRecordDraft {
        var draft = classify(ConnectionFailureInput(source: .receiveResponseXML, hresult: hresult, message: message, companyFilePath: companyFilePath))
        draft.evidence.requestKind = element
        let kind = element.hasSuffix("Rq") ? String(element.dropLast(2)) : element
        draft.summary = "QuickBooks refused the whole request set this \(Phrase.request(kind)) was sent in (\(element)), so none of it was processed. " + draft.summary
        draft.actions = [.retry, .dismiss, .delete]
        draft.retryPolicy = nil
        draft.autoRecheck = false
        return draft
    }
}
