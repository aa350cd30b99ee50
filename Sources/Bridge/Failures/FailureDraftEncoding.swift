import Foundation
public import Domain
import Store
public import Triage

/// Turns the classifier's draft into a record to store.
extension NewFailure {
    /// The stored form of a classifier draft.
    public init(_ draft: FailureRecordDraft, companyID: CompanyID, jobID: JobID?) {
        self.init(
            companyID: companyID, jobID: jobID, category: draft.category, title: draft.title, summary: draft.summary,
            evidence: draft.evidence, statusCode: draft.statusCode, statusMessage: draft.statusMessage, hresult: draft.hresult,
            resolution: draft.resolution, actions: draft.actions, autoRecheck: draft.autoRecheck,
            isConnection: draft.category.isConnection
        )
    }
}
