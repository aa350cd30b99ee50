import Testing
import Triage
import QBBridgeTesting

@Suite("A refused request set: whose failure it is", .tagFilter)
struct RequestSetRefusalTests {
    @Test("a set QuickBooks cannot parse or whose version it does not know is the request's fault; busy is transient; a closed file is the connection's",
          arguments: [
            ("0x80040400", "QuickBooks found an error when parsing the provided XML text stream.", RequestSetRefusal.requestFault),
            ("0x80040423", "The version of qbXML that was requested is not supported or is unknown.", .requestFault),
            ("0x8004041B", "Unable to lock the necessary information to allow this application to access this company data file. Try again later.", .transient),
            ("0x80040408", "Could not start QuickBooks.", .connection),
          ])
    func refusalKinds(hresult: String, message: String, expected: RequestSetRefusal) {
        #expect(RequestSetRefusal(hresult: hresult, message: message) == expected)
    }

    @Test("a job's record of a refused set names the HRESULT and the element, says nothing was processed, and offers Retry but never re-checks by itself")
    func jobRecord() {
        let draft = Classifier.refusedSet(hresult: "0x80040400", message: "QuickBooks found an error when parsing the provided XML text stream.",
                                          element: "ReceivePaymentAddRq")
        #expect(draft.category == .invalidRequest)
        #expect(draft.hresult == "0x80040400")
        #expect(draft.evidence.requestKind == "ReceivePaymentAddRq")
        #expect(draft.summary.hasPrefix("QuickBooks refused the whole request set this payment was sent in (ReceivePaymentAddRq), so none of it was processed."))
        #expect(draft.actions == [.retry, .dismiss, .delete])
        #expect(draft.retryPolicy == nil && !draft.autoRecheck)
    }
}
