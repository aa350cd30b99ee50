import Bridge
import Foundation
import HummingbirdTesting
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// A company file without QBBridge's FileID stamp (issue 22, item 6): a `.qwc` added before FileIDs were
/// stamped, or a stamp removed. The bridge checks such a file once per refresh period, like a verified one,
/// and answers `none` when there is no work in between, instead of opening a session at every scheduled run.
@Suite("An unstamped company file end to end: simulated Web Connector and QuickBooks over HTTP", .tagFilter)
struct UnstampedCompanyFileEndToEndTests {
    @Test("an unstamped company file is checked once per refresh period and then answered none when there is no work; the company shows not_stamped")
    func checkedOncePerRefreshPeriod() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany(name: "Unstamped", username: "unstamped", password: "correct horse")
            let port = try #require(bridge.client.port)
            let quickBooks = try FakeQuickBooks.generated(customers: 3, invoices: 5, seed: 61)
            // No FileID in the configuration: this Web Connector never stamps the file, as for an old .qwc.
            let configuration = WebConnectorConfiguration(ownerID: try await bridge.store.installation.ownerID(), fileID: nil)
            let connector = FakeWebConnector(baseURL: "http://127.0.0.1:\(port)", username: "unstamped", password: "correct horse",
                                             quickBooks: quickBooks, configuration: configuration)

            let first = await connector.runSession()
            #expect(first.authenticateVerdict != "none", "never checked: the first run checks the file")
            #expect(first.requestDocuments.contains { $0.contains("CompanyQueryRq") })
            let checked = try #require(try await bridge.store.companies.find(company.id))
            #expect(checked.quickBooks.fileStamp == .notStamped)
            #expect(checked.quickBooks.fileUnstampedAt != nil)

            // The next scheduled runs within the refresh period have nothing to do.
            for _ in 0..<2 {
                let next = await connector.runSession()
                #expect(next.authenticateVerdict == "none")
                #expect(next.requestDocuments.isEmpty)
            }

            let json = try PaymentAPITests.json(try await bridge.api(.get, "/companies/\(company.id)"))
            #expect((json["quickbooks"] as? [String: Any])?["fileStamp"] as? String == "not_stamped")
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let page = try await browser.get("/companies/\(company.id.rawValue)")
            #expect(page.body.contains("not stamped (the company file carries no FileID of this connection"))

            // Once the refresh period has passed, the file is checked again, once.
            var aged = checked.quickBooks
            aged.reportedAt = Timestamp.now.adding(seconds: -8 * 24 * 3600)
            try await bridge.store.companies.recordQuickBooksInfo(company.id, aged)
            let refreshed = await connector.runSession()
            #expect(refreshed.authenticateVerdict != "none")
            #expect(refreshed.requestDocuments.contains { $0.contains("CompanyQueryRq") })
            #expect(await connector.runSession().authenticateVerdict == "none")

            // Stamped later (the .qwc added again): the next check verifies it.
            await quickBooks.stampDataExtension(ownerID: try await bridge.store.installation.ownerID(), name: "FileID", value: company.fileID)
            try await bridge.store.companies.recordQuickBooksInfo(company.id, aged)
            _ = await connector.runSession()
            #expect(try await bridge.store.companies.find(company.id)?.quickBooks.fileStamp == .verified)
        }
    }
}
