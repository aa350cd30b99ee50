import Foundation
import QBXML
import Domain
import Store

/// Asks QuickBooks for the host report itself when the Web Connector sent none (docs/web-connector-protocol.md,
/// "The host report and qbXML version negotiation"). The Web Connector hands its own HostQuery, CompanyQuery and
/// PreferencesQuery answers to the first sendRequestXML as `strHCPResponse`, but that string is empty when its
/// host query failed, and emulators and test doubles often leave it out. Without it the bridge knows neither the
/// qbXML version nor the closing date, so the session's first request set asks the same three queries — written
/// at the oldest version QBBridge supports, since the real one is not known yet — and the session goes on with
/// what QuickBooks answered.
///
/// The company query carries the installation's OwnerID, so its answer also holds the FileID stamp: the
/// company-file check is settled from it and costs no round trip of its own.
struct HostReportDriver: SessionDriver {
    let store: Store
    let fileCheck: CompanyFileCheckDriver

    init(store: Store) {
        self.store = store
        self.fileCheck = CompanyFileCheckDriver(store: store)
    }

    /// The request ids of the three queries; a session's other requests never use them.
    enum RequestID {
        static let host = "host-report"
        static let company = "host-report-company"
        static let preferences = "host-report-preferences"
        static let all = [host, company, preferences]
    }

    /// Writes the three queries when the session's first step is to ask for the host report. The version
    /// passed in is ignored: until QuickBooks has answered, the oldest supported version is the only safe one.
    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        guard step.work.steps.first == .askHostReport else { return nil }
        let ownerID = try await store.installation.ownerID()
        let document = try QBXMLMessageSet(
            version: .oldestSupported, onError: .continueOnError,
            requests: [
                HostQueryRq(requestID: RequestID.host),
                CompanyQueryRq(requestID: RequestID.company, ownerIDs: [ownerID]),
                PreferencesQueryRq(requestID: RequestID.preferences),
            ] as [any QBXMLRequest]
        ).render()
        step.work.outstanding = RequestID.all
        return document
    }

    /// Reads the answers as the Web Connector's host report would have been read: the version is negotiated,
    /// the company's QuickBooks facts and closing date recorded, and the file stamp checked.
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        let answers = responses.filter { $0.header.requestID.map(RequestID.all.contains) ?? false }
        guard !answers.isEmpty else { return false }
        guard step.work.steps.first == .askHostReport, step.work.outstanding.contains(RequestID.host) else { return true }
        step.work.outstanding = []
        step.work.steps.removeAll { $0 == .askHostReport }
        guard let company = try await store.companies.find(step.session.companyID) else { return true }
        let report = HCPResponse(answers: answers)
        var session = step.session
        var work = step.work
        HostReportReading.record(report, company: company, client: ClientFacts(country: session.country, companyFile: session.companyFile),
                                 session: &session, work: &work, commit: &step.commit)
        step.work = work
        step.session = session
        if session.lastError == nil, let companyAnswer = answers.first(where: { $0.header.requestID == RequestID.company }),
           step.work.steps.contains(.verifyCompanyFile) {
            try await fileCheck.checkFileStamp(companyAnswer, &step)
            step.work.steps.removeAll { $0 == .verifyCompanyFile }
        }
        return true
    }

    /// The step stays; a later sendRequestXML of the session asks again.
    func abandon(_ step: inout SessionStep) async throws {
        if step.work.steps.first == .askHostReport { step.work.outstanding = [] }
    }
}

extension HCPResponse {
    /// The host report read from the answers to the bridge's own three queries, as the Web Connector's would
    /// have been read; `problem` carries what QuickBooks said instead of a host record.
    init(answers responses: [QBXMLResponse]) {
        self.init()
        for response in responses {
            for record in response.records {
                switch record {
                case .host(let info): host = info
                case .company(let info): company = info
                case .preferences(let info): preferences = info
                default: break
                }
            }
            if response.header.requestID == HostReportDriver.RequestID.host, response.header.status.code != 0 {
                problem = "\(response.header.status.code): \(response.header.status.message)"
            }
        }
    }
}
