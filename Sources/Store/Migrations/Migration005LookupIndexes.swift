import Domain
import SQLKit

/// Indexes for two look-ups of every Web Connector session that scanned a whole table: the company by
/// user name ignoring case (authenticate), and the jobs a session still holds (closeConnection, and the
/// sweeper's search for jobs of ended sessions). Both grew with the data: the jobs table holds every
/// payment ever queued, so each closeConnection read it through.
struct Migration005LookupIndexes: Migration {
    let version = 5
    let name = "indexes for the user name and in-flight job look-ups"

    func apply(on sql: any SQLDatabase) async throws {
        // An expression index: the look-up is `LOWER(username) = ?` (user names are unique ignoring case).
        try await sql.raw("CREATE INDEX companies_username_lower ON companies (LOWER(username))").run()
        // Partial: only jobs in flight, a handful at any time, whatever the size of the table.
        try await sql.raw("CREATE INDEX jobs_in_flight ON jobs (session_id) WHERE status = 'in_flight'").run()
    }
}
