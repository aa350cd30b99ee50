import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// A Web Connector that sends no host report on the first sendRequestXML (issue 22, item 3): the real one when
/// its own host query failed, emulators and test doubles always. The bridge asks QuickBooks itself, at the oldest
/// qbXML version it supports, and goes on in the same session.
@Suite("No host report from the Web Connector: the bridge asks QuickBooks itself", .tagFilter)
struct HostReportEndToEndTests {
    @Test("a session without a host report asks HostQuery, CompanyQuery with our OwnerID and PreferencesQuery at the oldest version, then posts the payment at the negotiated one")
    func asksForTheHostReportAndGoesOn() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 20, seed: 31)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks, sendsHostReport: false)
            let (job, open) = try await lab.payOpenInvoice("no-hcp-1")

            let reports = await lab.sync()
            let session = try #require(reports.first)
            #expect(session.outcome == .completed, "\(session.lastErrors)")
            #expect(try await lab.job(job).status == .posted)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == .zero)

            // The first request set is the host report, written at the oldest supported version, and the company
            // query asks for QBBridge's private data, so the file check needs no query of its own.
            let first = try #require(session.requestDocuments.first)
            #expect(first.contains("<?qbxml version=\"\(QBXMLVersion.oldestSupported)\"?>"))
            for element in ["<HostQueryRq", "<CompanyQueryRq", "<PreferencesQueryRq"] { #expect(first.contains(element), "\(element)") }
            let ownerID = try await bridge.store.installation.ownerID()
            #expect(first.contains("<OwnerID>\(ownerID)</OwnerID>"))
            #expect(session.requestDocuments.dropFirst().allSatisfy { !$0.contains("<HostQueryRq") })
            #expect(session.requestDocuments.filter { $0.contains("<CompanyQueryRq") }.count == 1)

            // The payment went at the version negotiated from QuickBooks' answer, and the company knows its facts.
            let negotiated = try #require(QBXMLVersion.negotiate(supported: await quickBooks.facts.supportedQBXMLVersions))
            let post = try #require(session.requestDocuments.first { $0.contains("<ReceivePaymentAddRq") })
            #expect(post.contains("<?qbxml version=\"\(negotiated)\"?>"))
            let company = try #require(try await bridge.store.companies.find(lab.company.id))
            #expect(company.quickBooks.qbxmlVersion == negotiated.description)
            #expect(company.quickBooks.product == (await quickBooks.facts.productName))
            #expect(company.quickBooks.fileVerifiedAt != nil)
            #expect(company.connectionProblem == nil)
        }
    }

    @Test("the closing date from the bridge's own PreferencesQuery holds back a payment dated before it, in the same session")
    func ownPreferencesQueryFeedsThePreflight() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 20, seed: 32)
            await quickBooks.setClosingDate(QBDate("2026-11-30"))
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks, sendsHostReport: false)
            let (job, _) = try await lab.payOpenInvoice("no-hcp-closed")

            let reports = await lab.sync()
            #expect(reports.first?.outcome == .completed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category == .periodClosed)
            #expect(failure.evidence.closingDate == "2026-11-30")
            #expect(await quickBooks.requests.contains { $0.name == "ReceivePaymentAddRq" } == false)
        }
    }

    @Test("a QuickBooks too old for the oldest supported version refuses the host report set; the session ends with the version problem, not a loop")
    func tooOldQuickBooksEndsTheSession() async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 2, invoices: 4, seed: 33,
                                                          facts: CompanyFacts(productName: "QuickBooks Pro 2004", maxQBXMLVersion: "3.0"))
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks, sendsHostReport: false)
            let reports = await lab.webConnector.runUntilIdle(maxSessions: 2)
            let session = try #require(reports.first)
            #expect(session.outcome != .completed)
            #expect(session.roundTrips == 1, "one request set, then the session ends")
            let company = try #require(try await bridge.store.companies.find(lab.company.id))
            #expect(company.connectionProblem != nil)
        }
    }
}
