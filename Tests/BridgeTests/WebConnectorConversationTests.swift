import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web Connector conversations over HTTP", .tagFilter)
struct WebConnectorConversationTests {
    static let hcp = """
    <?xml version="1.0" ?><QBXML><QBXMLMsgsRs>\
    <HostQueryRs requestID="0" statusCode="0" statusSeverity="Info" statusMessage="Status OK"><HostRet>\
    <ProductName>QuickBooks Premier Edition 2024</ProductName><MajorVersion>34</MajorVersion><MinorVersion>0</MinorVersion>\
    <Country>US</Country><SupportedQBXMLVersion>1.0</SupportedQBXMLVersion><SupportedQBXMLVersion>13.0</SupportedQBXMLVersion>\
    <SupportedQBXMLVersion>16.0</SupportedQBXMLVersion><IsAutomaticLogin>true</IsAutomaticLogin><QBFileMode>MultiUser</QBFileMode>\
    </HostRet></HostQueryRs>\
    <CompanyQueryRs requestID="1" statusCode="0" statusSeverity="Info" statusMessage="Status OK"><CompanyRet>\
    <IsSampleCompany>false</IsSampleCompany><CompanyName>Acme Plumbing LLC</CompanyName></CompanyRet></CompanyQueryRs>\
    <PreferencesQueryRs requestID="2" statusCode="0" statusSeverity="Info" statusMessage="Status OK"><PreferencesRet>\
    <SalesAndCustomersPreferences><IsTrackingReimbursedExpensesAsIncome>false</IsTrackingReimbursedExpensesAsIncome>\
    <IsAutoApplyingPayments>true</IsAutoApplyingPayments></SalesAndCustomersPreferences></PreferencesRet></PreferencesQueryRs>\
    </QBXMLMsgsRs></QBXML>
    """

    static func companyQueryResponse(ownerID: String, fileID: String) -> String {
        """
        <?xml version="1.0" ?><QBXML><QBXMLMsgsRs><CompanyQueryRs requestID="verify-file" statusCode="0" statusSeverity="Info" statusMessage="Status OK">\
        <CompanyRet><CompanyName>Acme Plumbing LLC</CompanyName><DataExtRet><OwnerID>\(ownerID)</OwnerID><DataExtName>FileID</DataExtName>\
        <DataExtType>STR255TYPE</DataExtType><DataExtValue>\(fileID)</DataExtValue></DataExtRet></CompanyRet></CompanyQueryRs></QBXMLMsgsRs></QBXML>
        """
    }

    @Test("serverVersion names QBBridge and clientVersion accepts a current Web Connector")
    func versions() async throws {
        try await withRunningBridge { bridge async throws in
            let server = try await bridge.call("serverVersion")
            #expect(server.status == .ok)
            #expect(SOAPText.result(String(buffer: server.body), "serverVersion")?.hasPrefix("QBBridge") == true)
            let current = try await bridge.call("clientVersion", [("strVersion", "2.3.0.215")])
            #expect(SOAPText.result(String(buffer: current.body), "clientVersion") == "")
            let old = try await bridge.call("clientVersion", [("strVersion", "2.0.1.2")])
            #expect(SOAPText.result(String(buffer: old.body), "clientVersion") == "O:2.1.0.30")
            let warn = try await bridge.call("clientVersion", [("strVersion", "2.1.0.30")])
            #expect(SOAPText.result(String(buffer: warn.body), "clientVersion")?.hasPrefix("W:") == true)
        }
    }

    @Test("a wrong password or an unknown user gets nvu with an empty ticket")
    func invalidUser() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            for (user, password) in [("acme", "wrong password"), ("nobody", "correct horse")] {
                let response = try await bridge.call("authenticate", [("strUserName", user), ("strPassword", password)])
                #expect(response.status == .ok)
                #expect(SOAPText.results(String(buffer: response.body)) == ["", "nvu"])
            }
            let log = try await bridge.store.activity.list()
            #expect(log.filter { $0.action == "login.failed" }.count == 2)
        }
    }

    @Test("repeated failures lock the user out even with the right password")
    func throttling() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            for _ in 0..<5 {
                _ = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "guess")])
            }
            let response = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")])
            #expect(SOAPText.results(String(buffer: response.body)) == ["", "nvu"])
            let records = try await bridge.store.failures.list(statuses: [.open], connectionOnly: true)
            #expect(records.map(\.category) == [.authenticationFailed])
        }
    }

    @Test("a company with nothing to do gets none")
    func noWork() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            try await bridge.store.companies.recordQuickBooksInfo(company.id, QuickBooksInfo(supportedQBXMLVersions: ["13.0"], qbxmlVersion: "13.0", reportedAt: .now))
            try await bridge.store.companies.recordFileVerified(company.id, at: .now)
            let response = try await bridge.call("authenticate", [("strUserName", "ACME"), ("strPassword", "correct horse")])
            #expect(SOAPText.results(String(buffer: response.body)) == ["", "none"])
        }
    }

    @Test("a first session records the HCP facts, verifies the company file and closes with a summary")
    func firstSession() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let auth = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")])
            let values = SOAPText.results(String(buffer: auth.body))
            try #require(values.count == 2)
            let ticket = values[0]
            #expect(ticket.count == 36)
            #expect(values[1] == "")

            let send = try await bridge.call("sendRequestXML", [
                ("ticket", ticket), ("strHCPResponse", Self.hcp), ("strCompanyFileName", "C:\\Books\\Acme.QBW"),
                ("qbXMLCountry", "US"), ("qbXMLMajorVers", "16"), ("qbXMLMinorVers", "0"),
            ])
            let request = try #require(SOAPText.result(String(buffer: send.body), "sendRequestXML"))
            #expect(request.contains("<?qbxml version=\"13.0\"?>"))
            #expect(request.contains("<CompanyQueryRq requestID=\"verify-file\">"))
            let ownerID = try await bridge.store.installation.ownerID()
            #expect(request.contains("<OwnerID>\(ownerID)</OwnerID>"))

            // A request is outstanding with QuickBooks: a second Web Connector is told busy.
            let busy = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")])
            #expect(SOAPText.results(String(buffer: busy.body)).dropFirst().first == "busy")

            let receive = try await bridge.call("receiveResponseXML", [
                ("ticket", ticket), ("response", Self.companyQueryResponse(ownerID: ownerID, fileID: company.fileID)),
                ("hresult", ""), ("message", ""),
            ])
            #expect(SOAPText.result(String(buffer: receive.body), "receiveResponseXML") == "100")

            let close = try await bridge.call("closeConnection", [("ticket", ticket)])
            let summary = try #require(SOAPText.result(String(buffer: close.body), "closeConnection"))
            #expect(summary.contains("Company file verified"))

            let stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.quickBooks.product == "QuickBooks Premier Edition 2024")
            #expect(stored.quickBooks.qbxmlVersion == "13.0")
            #expect(stored.quickBooks.country == "US")
            #expect(stored.quickBooks.supportedQBXMLVersions == ["1.0", "13.0", "16.0"])
            #expect(stored.quickBooks.companyFile == "C:\\Books\\Acme.QBW")
            #expect(stored.quickBooks.autoApplyPayments == true)
            #expect(stored.quickBooks.fileVerifiedAt != nil)
            #expect(stored.lastSyncAt != nil)

            // The closed ticket gets no work and a readable getLastError.
            let after = try await bridge.call("sendRequestXML", [
                ("ticket", ticket), ("strHCPResponse", ""), ("strCompanyFileName", ""), ("qbXMLCountry", "US"),
                ("qbXMLMajorVers", "16"), ("qbXMLMinorVers", "0"),
            ])
            #expect(SOAPText.result(String(buffer: after.body), "sendRequestXML") == "")
            let lastError = try await bridge.call("getLastError", [("ticket", ticket)])
            #expect(SOAPText.result(String(buffer: lastError.body), "getLastError")?.contains("Run Update Selected again") == true)

            // With facts fresh and the file verified, the next run has nothing to do.
            let again = try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")])
            #expect(SOAPText.results(String(buffer: again.body)) == ["", "none"])
        }
    }

    @Test("a company file stamped with another FileID is reported as a connection problem")
    func wrongCompanyFile() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let values = SOAPText.results(String(buffer: try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")]).body))
            let ticket = try #require(values.first)
            _ = try await bridge.call("sendRequestXML", [
                ("ticket", ticket), ("strHCPResponse", Self.hcp), ("strCompanyFileName", "C:\\Other.QBW"),
                ("qbXMLCountry", "US"), ("qbXMLMajorVers", "16"), ("qbXMLMinorVers", "0"),
            ])
            let ownerID = try await bridge.store.installation.ownerID()
            let receive = try await bridge.call("receiveResponseXML", [
                ("ticket", ticket), ("response", Self.companyQueryResponse(ownerID: ownerID, fileID: "{00000000-0000-0000-0000-000000000000}")),
                ("hresult", ""), ("message", ""),
            ])
            #expect(SOAPText.result(String(buffer: receive.body), "receiveResponseXML") == "100")
            let stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.connectionProblem?.contains("another QBBridge connection") == true)
            #expect(stored.quickBooks.fileVerifiedAt == nil)
        }
    }

    @Test("connectionError records the HRESULT and answers done")
    func connectionError() async throws {
        try await withRunningBridge { bridge async throws in
            let company = try await bridge.addCompany()
            let ticket = SOAPText.results(String(buffer: try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")]).body))[0]
            let response = try await bridge.call("connectionError", [
                ("ticket", ticket), ("hresult", "0x80040414"),
                ("message", "A modal dialog box is showing in the QuickBooks user interface."),
            ])
            #expect(SOAPText.result(String(buffer: response.body), "connectionError") == "done")
            let lastError = try await bridge.call("getLastError", [("ticket", ticket)])
            #expect(SOAPText.result(String(buffer: lastError.body), "getLastError")?.contains("0x80040414") == true)
            let stored = try #require(try await bridge.store.companies.find(company.id))
            #expect(stored.connectionProblem?.contains("modal dialog") == true)
            let records = try await bridge.store.failures.list(companyID: company.id, statuses: [.open], connectionOnly: true)
            #expect(records.map(\.category) == [.popupBlocking])
            #expect(records.first?.hresult == "0x80040414")
            let health = try PaymentAPITests.json(try await bridge.api(.get, "/companies/\(company.id)/health"))
            let connection = try #require(health["connection"] as? [String: Any])
            #expect(connection["status"] as? String == "problem")
            #expect((connection["failure"] as? [String: Any])?["category"] as? String == "popup_blocking")
        }
    }

    @Test("a processor HRESULT in receiveResponseXML gives a negative answer and the reason in getLastError")
    func processorError() async throws {
        try await withRunningBridge { bridge async throws in
            _ = try await bridge.addCompany()
            let ticket = SOAPText.results(String(buffer: try await bridge.call("authenticate", [("strUserName", "acme"), ("strPassword", "correct horse")]).body))[0]
            _ = try await bridge.call("sendRequestXML", [
                ("ticket", ticket), ("strHCPResponse", Self.hcp), ("strCompanyFileName", ""),
                ("qbXMLCountry", "US"), ("qbXMLMajorVers", "13"), ("qbXMLMinorVers", "0"),
            ])
            let response = try await bridge.call("receiveResponseXML", [
                ("ticket", ticket), ("response", ""), ("hresult", "0x80040400"),
                ("message", "QuickBooks found an error when parsing the provided XML text stream."),
            ])
            #expect(SOAPText.result(String(buffer: response.body), "receiveResponseXML") == "-1")
            let lastError = try await bridge.call("getLastError", [("ticket", ticket)])
            #expect(SOAPText.result(String(buffer: lastError.body), "getLastError")?.contains("0x80040400") == true)
        }
    }

    @Test("unknown tickets get no work and a readable error; interactive calls end cleanly")
    func unknownTicket() async throws {
        try await withRunningBridge { bridge async throws in
            let ticket = "0f0f0f0f-0f0f-0f0f-0f0f-0f0f0f0f0f0f"
            let send = try await bridge.call("sendRequestXML", [
                ("ticket", ticket), ("strHCPResponse", ""), ("strCompanyFileName", ""), ("qbXMLCountry", "US"),
                ("qbXMLMajorVers", "13"), ("qbXMLMinorVers", "0"),
            ])
            #expect(SOAPText.result(String(buffer: send.body), "sendRequestXML") == "")
            let receive = try await bridge.call("receiveResponseXML", [("ticket", "not-a-ticket"), ("response", "<QBXML/>"), ("hresult", ""), ("message", "")])
            #expect(SOAPText.result(String(buffer: receive.body), "receiveResponseXML") == "-1")
            let lastError = try await bridge.call("getLastError", [("ticket", ticket)])
            #expect(SOAPText.result(String(buffer: lastError.body), "getLastError")?.contains("does not know this session") == true)
            let close = try await bridge.call("closeConnection", [("ticket", ticket)])
            #expect(SOAPText.result(String(buffer: close.body), "closeConnection")?.isEmpty == false)
            let done = try await bridge.call("interactiveDone", [("wcTicket", ticket)])
            #expect(SOAPText.result(String(buffer: done.body), "interactiveDone") == "DONE")
            let alias = try await bridge.call("isInteractiveDone", [("wcTicket", ticket)])
            #expect(SOAPText.result(String(buffer: alias.body), "interactiveDone") == "DONE")
        }
    }

    @Test("SOAPAction may be quoted, unquoted or missing")
    func soapActionForms() async throws {
        try await withRunningBridge { bridge async throws in
            let body = SOAPText.envelope("serverVersion", [])
            for action in ["\"http://developer.intuit.com/serverVersion\"", "http://developer.intuit.com/serverVersion", nil] {
                let response = try await bridge.soap(body, action: action)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/xml") == true)
            }
        }
    }
}
