extension Classifier {
    /// Builds a draft from a category's policy row, narrowing actions where the case demands.
    ///
    /// `hasJob` false (a connection failure with no job behind it) removes `retry`;
    /// `retryPolicy` overrides the row's re-check where one case differs from its category.
    static func draft(
        _ category: FailureCategory,
        _ text: FailureText,
        evidence: FailureEvidence,
        hasJob: Bool = true,
        actions: [FailureAction]? = nil,
        retryPolicy: RetryPolicy?? = nil,
        statusCode: Int? = nil,
        statusMessage: String? = nil,
        hresult: String? = nil
    ) -> FailureRecordDraft {
        let policy = CategoryPolicy.for(category)
        var allowed = actions ?? policy.actions
        if !hasJob { allowed.removeAll { $0 == .retry } }
        return FailureRecordDraft(
            category: category,
            title: text.title,
            summary: text.summary,
            evidence: evidence,
            resolution: text.resolution,
            actions: allowed,
            retryPolicy: retryPolicy ?? policy.retryPolicy,
            statusCode: statusCode,
            statusMessage: statusMessage,
            hresult: hresult)
    }

    /// A request draft: the status code and message travel with it.
    static func requestDraft(
        _ category: FailureCategory, _ text: FailureText, _ context: RequestContext,
        evidence: FailureEvidence? = nil, actions: [FailureAction]? = nil, retryPolicy: RetryPolicy?? = nil
    ) -> FailureRecordDraft {
        draft(
            category, text, evidence: evidence ?? context.baseEvidence(), actions: actions,
            retryPolicy: retryPolicy, statusCode: context.input.statusCode,
            statusMessage: context.input.statusMessage)
    }
}
