public import Domain

/// What one SOAP call changed, committed with the session's own state (see `Sessions.save(_:with:)`): job
/// changes, pull pages, the jobs whose requests are being handed out, and what the call learned about the
/// session's company. One transaction instead of one per fact: every write waits for the single SQLite
/// writer, and a session used to spend three of its writes on company facts alone. It is also the one way a
/// session driver's step writes anything, so a step's changes and the run state that follows from them are
/// never stored apart.
public struct SessionCommit: Sendable {
    public var changes: [JobChange] = []
    /// Pull pages with their jobs' progress (written after `changes`).
    public var pages: [Snapshots.PageWrite] = []
    public var sent: [JobID] = []
    /// Return the session's jobs still in flight to the queue (after the changes and pages above): QuickBooks
    /// refused the request set, so the session gives back what it holds.
    public var releaseHeldJobs = false
    /// Changes to the session's company, applied in order.
    public var company: [CompanyWrite] = []
    /// Activity entries about the call itself (the jobs' own entries travel with `changes`).
    public var activities: [NewActivity] = []

    /// An empty commit.
    public init() {}

    /// Nothing but the session to save.
    public var isEmpty: Bool {
        changes.isEmpty && pages.isEmpty && sent.isEmpty && !releaseHeldJobs && company.isEmpty && activities.isEmpty
    }
}
