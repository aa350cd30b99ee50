import Foundation
import QBXML
import Domain
import Store

/// The company-file check (docs/web-connector-protocol.md, "Company file check"): asks QuickBooks for the
/// company record with QBBridge's private data and compares the FileID stamp the Web Connector left there
/// with this connection's, because the Web Connector may have opened another company file.
struct CompanyFileCheckDriver: SessionDriver {
    let store: Store

    /// The request id of the check's one query; a session's other requests never use it.
    static let requestID = "verify-file"

    func nextDocument(version: QBXMLVersion, _ step: inout SessionStep) async throws -> String? {
        guard step.work.steps.first == .verifyCompanyFile else { return nil }
        let ownerID = try await store.installation.ownerID()
        let document = try QBXMLMessageSet(
            version: version, onError: .continueOnError,
            requests: [CompanyQueryRq(requestID: Self.requestID, ownerIDs: [ownerID])]
        ).render()
        step.work.outstanding = [Self.requestID]
        return document
    }

    /// Claims every answer to the check, also a repeated one (which changes nothing).
    func receive(_ responses: [QBXMLResponse], document: String, _ step: inout SessionStep) async throws -> Bool {
        let answers = responses.filter { $0.header.requestID == Self.requestID }
        for answer in answers where step.work.outstanding.contains(Self.requestID) {
            step.work.outstanding.removeAll { $0 == Self.requestID }
            try await checkFileStamp(answer, &step)
            step.work.steps.removeAll { $0 == .verifyCompanyFile }
        }
        return !answers.isEmpty
    }

    /// The check stays a step of the session; only the request handed out is forgotten.
    func abandon(_ step: inout SessionStep) async throws {
        step.work.outstanding = []
    }

    /// Compares the company file's FileID stamp with this connection's; the outcome goes onto the company with
    /// the session (`step.commit`).
    func checkFileStamp(_ response: QBXMLResponse, _ step: inout SessionStep) async throws {
        guard response.header.status.code == 0 else {
            step.work.notes.append("QuickBooks did not return the company record (\(response.header.status.code): \(response.header.status.message)).")
            return
        }
        guard let company = try await store.companies.find(step.session.companyID) else { return }
        let ownerID = try await store.installation.ownerID()
        let stamps = response.records.flatMap { record -> [DataExtension] in
            if case .company(let info) = record { return info.dataExtensions }
            return []
        }
        let fileID = stamps.first { $0.name == "FileID" && ($0.ownerID ?? "").caseInsensitiveCompare(ownerID) == .orderedSame }?.value
        guard let fileID else {
            // Remembered, so the file is checked again only once per refresh period, like a verified one.
            step.commit.company.append(.fileUnstamped(at: .now))
            step.work.notes.append("The company file carries no QBBridge FileID stamp yet.")
            return
        }
        if fileID.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(company.fileID) == .orderedSame {
            step.commit.company.append(.fileVerified(at: .now))
            if company.connectionProblem != nil { step.commit.company.append(.connectionProblem(nil)) }
            step.work.notes.append("Company file verified.")
        } else {
            let text = "The Web Connector opened a company file stamped for another QBBridge connection (FileID \(fileID), expected \(company.fileID)). Open the right company file in QuickBooks, or re-add this connection's .qwc."
            step.commit.company.append(.connectionProblem(text))
            step.work.notes.append(text)
        }
    }
}
