import Domain
import SQLKit

/// The index that makes claiming the next job of a kind, and asking whether a company has work, cost the
/// same with 100,000 jobs queued as with none (issue 26; docs/operations.md, "Queue depth").
///
/// `jobs_queue` (company, status, priority, seq) could not serve the claim: a claimable job has one of three
/// statuses and the claim orders by priority and seq across them, so every queued job of the company was read
/// and sorted to hand out one. This index holds only claimable jobs (the partial predicate is the status term of
/// `Jobs.claimable`, word for word, which is what lets both engines use it), by company and kind, in claim order:
/// the claim reads its rows in order and stops at its limit.
struct Migration009ClaimIndex: Migration {
    let version = 9
    let name = "claimable jobs by company and kind in queue order"

    func apply(on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            CREATE INDEX jobs_claimable ON jobs (company_id, kind, priority DESC, seq)
            WHERE status IN ('queued', 'uncertain') OR (status = 'failed' AND next_attempt_at IS NOT NULL)
            """).run()
    }
}
