import Testing
import Triage
import QBBridgeTesting

@Suite("HRESULTs from the Web Connector", .tagFilter)
struct HResultTests {
    @Test("every HRESULT in the spec gets its category, title and a resolution step", arguments: HResultSample.all)
    func classifiesHResult(_ sample: HResultSample) {
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: sample.hresult, message: nil))
        #expect(draft.category == sample.expected)
        #expect(draft.title.contains(sample.titleHas), "title: \(draft.title)")
        #expect(draft.resolution.contains { $0.contains(sample.stepHas) }, "steps: \(draft.resolution)")
        #expect(draft.hresult == sample.hresult)
        #expect(draft.summary.contains(sample.hresult))
        #expect(!draft.actions.contains(.retry), "a connection failure has no job to retry")
        #expect(draft.actions.contains(.dismiss))
    }

    @Test(
        "an HRESULT is read in every way it is written",
        arguments: ["0x80040414", "0X80040414", "80040414", "-2147220460", "2147746836", " 0x80040414\n"])
    func parsesHResultSpellings(_ written: String) {
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: written, message: nil))
        #expect(draft.category == .popupBlocking)
        #expect(draft.hresult == "0x80040414")
    }

    @Test("lower-case hex is normalized to the spec's spelling")
    func normalizesHexCase() {
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "0x8004040a", message: nil))
        #expect(draft.category == .wrongCompanyFile)
        #expect(draft.hresult == "0x8004040A")
    }

    @Test("an unknown HRESULT stays unknown and keeps the raw HRESULT and message")
    func unknownHResultKeepsRawValues() {
        let input = ConnectionFailureInput(source: .connectionError, hresult: "0x80049999", message: "Something   new happened.")
        let draft = Classifier.classify(input)
        #expect(draft.category == .unknown)
        #expect(draft.hresult == "0x80049999")
        #expect(draft.statusMessage == "Something   new happened.")
        #expect(draft.summary.contains("0x80049999"))
        #expect(draft.summary.contains("“Something new happened.”"))
        #expect(draft.autoRecheck == false)
    }

    @Test("an HRESULT that does not parse is kept as written")
    func unparsableHResultIsKept() {
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "E_FAIL?", message: nil))
        #expect(draft.category == .unknown)
        #expect(draft.hresult == "E_FAIL?")
    }

    @Test("transient HRESULTs are re-checked with backoff; the rest wait for a person")
    func transientHResultsBackOff() {
        let busy = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "0x80040424", message: nil))
        #expect(busy.autoRecheck)
        #expect(busy.retryPolicy == .lockContention)
        let popup = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "0x80040414", message: nil))
        #expect(popup.autoRecheck == false)
        #expect(popup.retryPolicy == nil)
    }

    @Test("the real receiveResponseXML parse failure is invalid_request, never retried unchanged")
    func parseFailureFromReceiveResponseXML() {
        // As real Web Connector traffic shows it (qbwc/qbwc's test parameters: empty response, this HRESULT and text).
        let input = ConnectionFailureInput(
            source: .receiveResponseXML, hresult: "0x80040400",
            message: "QuickBooks found an error when parsing the provided XML text stream.")
        let draft = Classifier.classify(input)
        #expect(draft.category == .invalidRequest)
        #expect(draft.actions == [.dismiss, .delete])
        #expect(draft.autoRecheck == false)
        #expect(draft.summary.contains("processed none of it"))
        #expect(draft.resolution[0].contains("not in your books"))
        #expect(draft.evidence.source == "receiveResponseXML")
        #expect(draft.evidence.hresultText == "QuickBooks found an error when parsing the provided XML text stream.")
    }

    @Test("a transient HRESULT on receiveResponseXML leaves the batch's jobs retryable")
    func busyDuringSessionKeepsRetry() {
        let draft = Classifier.classify(ConnectionFailureInput(source: .receiveResponseXML, hresult: "0x8004041B", message: nil))
        #expect(draft.category == .quickbooksBusy)
        #expect(draft.actions.contains(.retry))
        #expect(draft.summary.contains("did not process the requests"))
    }

    @Test("the modal-dialog connectionError of sample S08 is popup_blocking and quotes QuickBooks")
    func modalDialogSample() {
        let message = "A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box."
        let draft = Classifier.classify(ConnectionFailureInput(source: .connectionError, hresult: "0x80040414", message: message))
        #expect(draft.category == .popupBlocking)
        #expect(draft.summary.contains("“\(message)”"))
        #expect(draft.resolution.contains { $0.contains("Help → Update QuickBooks Desktop → Options") })
        #expect(draft.resolution.last?.contains("Update Selected") == true)
    }
}
