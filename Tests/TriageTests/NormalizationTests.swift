import Testing
import Triage
import QBBridgeTesting

@Suite("Message normalization and raw values", .tagFilter)
struct NormalizationTests {
    private func classify(_ code: Int, _ message: String, kind: String = "CustomerAdd") -> FailureRecordDraft? {
        Classifier.classify(RequestFailureInput(requestKind: kind, statusCode: code, statusSeverity: "Error", statusMessage: message))
    }

    @Test(
        "escaped, double-escaped and oddly spaced messages read the same",
        arguments: [
            "The name &quot;Acme Supply&quot;  of the list element is already in use. ",
            "The name &amp;quot;Acme Supply&amp;quot; of the list element is already in use.",
            "The name &#34;Acme Supply&#x22; of the list element\n is already in use.",
            "The name &quot;Acme Supply&quot ; of the list element is already in use.",
            "  The  name \"Acme\tSupply\" of the list element is already in use.",
        ])
    func normalizes(_ message: String) throws {
        let draft = try #require(classify(3100, message))
        #expect(draft.category == .duplicateName)
        #expect(draft.evidence.objectName == "Acme Supply")
        #expect(draft.evidence.message == "The name \"Acme Supply\" of the list element is already in use.")
        #expect(draft.statusMessage == message, "the raw message is kept as received")
    }

    @Test("a name keeps QuickBooks' exact spacing, while the message is collapsed for matching")
    func keepsNameSpacing() throws {
        // Sample #23: a real customer name with two spaces.
        let draft = try #require(classify(3100, "The name &quot;11161023 - Jasmine  desai&quot; of the list element is already in use."))
        #expect(draft.evidence.objectName == "11161023 - Jasmine  desai")
        #expect(draft.evidence.message == "The name \"11161023 - Jasmine desai\" of the list element is already in use.")
        #expect(draft.resolution[0].contains("“11161023 - Jasmine  desai”"))
    }

    @Test("sentences keep one space, and QuickBooks' own reason is split off")
    func collapsesSentenceSpacing() throws {
        let draft = try #require(classify(
            3120, "Object &quot;8000001B-1405768916&quot; specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.",
            kind: "CustomerQuery"))
        #expect(draft.evidence.message?.contains("  ") == false)
        #expect(draft.evidence.quickBooksMessage == "Invalid argument. The specified record does not exist in the list.")
    }

    @Test("an unknown entity is left alone rather than guessed")
    func keepsUnknownEntities() throws {
        let draft = try #require(classify(9999, "Tom &unknown; Jerry & Co"))
        #expect(draft.evidence.message == "Tom &unknown; Jerry & Co")
    }

    @Test("3231 is not_processed and re-queued at once, then with backoff")
    func notProcessed() throws {
        let draft = try #require(classify(3231, "The request has not been processed.", kind: "ReceivePaymentAdd"))
        #expect(draft.category == .notProcessed)
        #expect(draft.autoRecheck)
        #expect(draft.retryPolicy?.delay(afterAttempts: 0) == .zero)
        #expect(draft.retryPolicy?.delay(afterAttempts: 4) == nil)
    }

    @Test("success, no match and warnings are not failures", arguments: [0, 1, 500, 501, 510, 530, 531, 550, 560, 570, 999])
    func notFailures(_ code: Int) {
        #expect(classify(code, "anything") == nil)
    }

    @Test("an unknown code keeps the raw code and message", arguments: [3263, 3270, 9001, 2010, -1])
    func unknownCode(_ code: Int) throws {
        let raw = "Some  new &quot;thing&quot; happened. "
        let draft = try #require(classify(code, raw, kind: "ReceivePaymentAdd"))
        #expect(draft.category == .unknown)
        #expect(draft.statusCode == code)
        #expect(draft.statusMessage == raw)
        #expect(draft.title.contains("code \(code)"))
        #expect(draft.summary.contains("“Some new \"thing\" happened.”"))
        #expect(draft.autoRecheck == false)
        #expect(draft.actions.contains(.retry))
    }

    @Test("a lock wording under 3180 is record_locked with the 1-5-15-60 minute backoff")
    func lockBacksOff() throws {
        let draft = try #require(classify(
            3180, "There was an error when saving a Customer list, element &quot;Newcastle Tenants Federation&quot;. QuickBooks error message: This list has been modified by another user."))
        #expect(draft.category == .recordLocked)
        #expect(draft.retryPolicy == .backoff(delaysInSeconds: [60, 300, 900, 3600]))
        #expect(draft.summary.contains("“Newcastle Tenants Federation”"))
        #expect(draft.summary.contains("1, 5, 15 and 60 minutes"))
    }
}
