import Testing
import Triage
import QBBridgeTesting

@Suite("Real sample statuses", .tagFilter)
struct SampleStatusTests {
    @Test(
        "every status in the real and synthetic samples gets its category, a concrete title and a usable step",
        arguments: StatusSample.documents + StatusSample.batchOf16 + StatusSample.messages + StatusSample.synthetic)
    func classifiesSample(_ sample: StatusSample) throws {
        let draft = Classifier.classify(sample.input)
        guard let expected = sample.expected else {
            #expect(draft == nil, "status \(sample.code) is not a failure")
            return
        }
        let failure = try #require(draft)
        #expect(failure.category == expected)
        #expect(failure.title.contains(sample.titleHas), "title: \(failure.title)")
        #expect(failure.resolution.contains { $0.contains(sample.stepHas) }, "steps: \(failure.resolution)")
        #expect(failure.statusCode == sample.code)
        #expect(failure.statusMessage == sample.message)
        #expect(!failure.summary.isEmpty)
        #expect(!failure.actions.isEmpty)
    }

    @Test("a name cut to QuickBooks' 31-character limit is pointed out")
    func truncatedNameIsExplained() throws {
        let sample = try #require(StatusSample.documents.first { $0.id == "#14" })
        let draft = try #require(Classifier.classify(sample.input))
        #expect(draft.evidence.objectName == "Shipping Item - QuickBooks Inte")
        #expect(draft.summary.contains("cuts names to 31 characters"))
    }

    @Test("3210 with severity Info is still a failure, because the code decides")
    func severityDoesNotDecide() throws {
        let sample = try #require(StatusSample.documents.first { $0.id == "#15" })
        #expect(sample.severity == "Info")
        let draft = try #require(Classifier.classify(sample.input))
        #expect(draft.category == .amountChanged)
        #expect(draft.evidence.statusSeverity == "Info")
        #expect(draft.evidence.amountToApply == Amount(cents: 12_943))
    }

    @Test("the 3120 object ID, 3210 field and value and 3140 name are extracted into evidence")
    func extractsValues() throws {
        let missing = try #require(Classifier.classify(StatusSample.synthetic[1].input))
        #expect(missing.evidence.objectID == "1A2F-1714070000")
        #expect(missing.evidence.invoiceRefNumber == "10456")
        #expect(missing.evidence.quickBooksMessage == "Invalid argument. The specified record does not exist in the list.")

        let overpaid = try #require(Classifier.classify(StatusSample.synthetic[0].input))
        #expect(overpaid.evidence.field == "AppliedToTxnAdd payment amount")
        #expect(overpaid.evidence.value == "250.00")

        let itemSample = try #require(StatusSample.documents.first { $0.id == "#6" })
        let item = try #require(Classifier.classify(itemSample.input))
        #expect(item.evidence.objectType == "Item")
        #expect(item.evidence.objectName == "da product id 1")
    }
}
