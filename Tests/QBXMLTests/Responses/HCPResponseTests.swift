import Testing
import Foundation
import QBXML
import QBBridgeTesting

@Suite("HCP response", .tagFilter)
struct HCPResponseTests {
    @Test("a US edition's HCP response yields host, company and preferences, and negotiates 13.0")
    func usEdition() throws {
        let hcp = try HCPResponse(parsing: try Repository.sample("responses/HCP__US_Enterprise2024__1.0-16.0.xml"))
        #expect(hcp.problem == nil)
        #expect(hcp.host?.productName == "QuickBooks Enterprise Solutions: Contractor 24.0")
        #expect(hcp.host?.country == "US")
        #expect(hcp.host?.supportedQBXMLVersions.count == 19)
        #expect(hcp.host?.isAutomaticLogin == true)
        #expect(hcp.host?.fileMode == "MultiUser")
        #expect(hcp.negotiatedVersion == QBXMLVersion(major: 13, minor: 0))
        #expect(hcp.company?.companyName == "Anderson Plumbing & Heating")
        #expect(hcp.company?.dataExtension(named: "FileID", ownerID: "{57f3b9b6-86f1-4fcc-b1ff-967de1813d20}") == "{3F2504E0-4F89-41D3-9A0C-0305E82C3301}")
        #expect(hcp.preferences == PreferencesInfo(isAutoApplyingPayments: true, closingDate: "2023-12-31", isUsingClassTracking: true, isMultiCurrencyOn: false))
    }

    @Test("a Canadian edition's CA-prefixed versions are kept as written and negotiate 13.0")
    func caEdition() throws {
        let hcp = try HCPResponse(parsing: try Repository.sample("responses/HCP__CA_Premier2023__CA-prefixed_versions.xml"))
        #expect(hcp.host?.country == "CA")
        #expect(hcp.host?.supportedQBXMLVersions.first == "CA2.0")
        #expect(hcp.host?.supportedQBXMLVersions.last == "CA13.0")
        #expect(hcp.negotiatedVersion == QBXMLVersion(major: 13, minor: 0))
        #expect(hcp.preferences?.isMultiCurrencyOn == true)
        #expect(hcp.preferences?.closingDate == nil)
    }

    @Test("the real Premier 2012 response negotiates 11.0")
    func premier2012() throws {
        let hcp = try HCPResponse(parsing: try Repository.sample("real/qbws__strHCPResponse__HostQueryRs_CompanyQueryRs_PreferencesQueryRs__Premier2012.xml"))
        #expect(hcp.negotiatedVersion == QBXMLVersion(major: 11, minor: 0))
        #expect(hcp.company?.dataExtensions.map(\.name) == ["AppLock", "FileID"])
        #expect(hcp.preferences?.closingDate == "2016-11-30")
        #expect(hcp.problem == nil)
    }

    @Test("a CompanyRet broken by a redaction does not lose the HostRet read before it")
    func brokenCompanyKeepsHost() throws {
        let hcp = try HCPResponse(parsing: try Repository.sample("real/qbwc__strHCPResponse__HostQueryRs_CompanyQueryRs_PreferencesQueryRs__Pro2014.xml"))
        #expect(hcp.host?.productName == "QuickBooks Pro 2014")
        #expect(hcp.negotiatedVersion == QBXMLVersion(major: 13, minor: 0))
        #expect(hcp.company == nil)
        #expect(hcp.preferences == nil)
        #expect(hcp.problem?.contains("line 1") == true)
    }

    @Test("an empty or hostile HCP response, with nothing usable, throws")
    func nothingUsable() throws {
        #expect(throws: QBXMLError.self) { _ = try HCPResponse(parsing: "") }
        #expect(throws: QBXMLError.self) { _ = try HCPResponse(parsing: try Repository.sample("responses/security__xxe_file_etc_passwd.xml")) }
        #expect(throws: QBXMLError.self) { _ = try HCPResponse(parsing: "<QBXML><QBXMLMsgsRs><HostQueryRs statusCode=\"0\"><HostRet><ProductName>x") }
    }

    @Test("HCP data survives a Codable round trip")
    func codable() throws {
        let hcp = try HCPResponse(parsing: try Repository.sample("responses/HCP__US_Enterprise2024__1.0-16.0.xml"))
        let data = try JSONEncoder().encode(hcp)
        #expect(try JSONDecoder().decode(HCPResponse.self, from: data) == hcp)
    }
}
