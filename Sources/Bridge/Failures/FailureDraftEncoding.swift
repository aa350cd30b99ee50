import Foundation
public import Domain
import Store
public import Triage

/// Turns the classifier's draft into the stored record's fields (JSON for the structured parts).
extension NewFailure {
    /// The stored form of a classifier draft.
    public init(_ draft: FailureRecordDraft, companyID: CompanyID, jobID: JobID?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) -> String {
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        }
        self.init(
            companyID: companyID, jobID: jobID, category: draft.category.rawValue, title: draft.title, summary: draft.summary,
            evidence: json(draft.evidence), statusCode: draft.statusCode, statusMessage: draft.statusMessage, hresult: draft.hresult,
            resolution: json(draft.resolution), actions: json(draft.actions.map(\.rawValue)), autoRecheck: draft.autoRecheck,
            isConnection: draft.category.isConnection
        )
    }
}
