/// One company as the dashboard lists it: the company and the few figures that tell whether it needs a person,
/// read for many companies in one statement.
public struct CompanyOverview: Sendable, Equatable {
    /// Why a company needs a person, most urgent first.
    public enum Attention: Int, Sendable, Comparable, CaseIterable {
        /// Nothing: the company is in order.
        case none = 0
        /// Open failure records wait for a decision.
        case openFailures = 1
        /// No successful sync for 24 hours (or never, a day after it was added).
        case notSynced = 2
        /// The Web Connector cannot reach QuickBooks, or QBBridge refuses it.
        case connection = 3

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The company.
    public var company: Company
    /// Open failure records.
    public var openFailures: Int
    /// Jobs waiting to be sent or looked up, counted up to `CompanyOverview.waitingHorizon`.
    public var waiting: Int
    /// The newest open connection failure record: its id and title.
    public var connectionFailure: (id: FailureID, title: String)?
    /// The most urgent reason it needs a person.
    public var attention: Attention

    /// Waiting jobs are counted up to this many: beyond it the dashboard says "10,000+", and counting a
    /// deeper queue would cost the page its time.
    public static let waitingHorizon = 10_000

    /// Creates the value (Store reads it).
    public init(company: Company, openFailures: Int, waiting: Int, connectionFailure: (id: FailureID, title: String)?, attention: Attention) {
        self.company = company
        self.openFailures = openFailures
        self.waiting = waiting
        self.connectionFailure = connectionFailure
        self.attention = attention
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.company == rhs.company && lhs.openFailures == rhs.openFailures && lhs.waiting == rhs.waiting
            && lhs.connectionFailure?.id == rhs.connectionFailure?.id && lhs.connectionFailure?.title == rhs.connectionFailure?.title
            && lhs.attention == rhs.attention
    }
}

/// How the dashboard's company table is ordered.
public enum CompanyOverviewOrder: String, Sendable, CaseIterable {
    /// By name, A to Z.
    case name
    /// Longest without a sync first (never synced first of all).
    case lastSync = "last_sync"
    /// Most work waiting first.
    case waiting
    /// Most open failure records first.
    case failures
    /// Most urgent first: connection problems, then no sync for a day, then open failures.
    case attention
}

/// One page of the dashboard's company table, and how many companies match in all.
public struct CompanyOverviewPage: Sendable {
    /// The page's companies in the asked order.
    public var rows: [CompanyOverview]
    /// Companies matching the filter, over every page.
    public var total: Int

    /// Creates the page.
    public init(rows: [CompanyOverview], total: Int) {
        self.rows = rows
        self.total = total
    }
}
