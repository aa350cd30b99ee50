/// Payment failure figures for a company over a window, for the failure-rate alert (issue "Failure
/// triage" §5) and the report command.
public struct FailureStatistics: Sendable, Equatable {
    /// Payments created in the window.
    public var payments: Int
    /// Of those, payments that had a failure record.
    public var failedPayments: Int
    /// Failure records by category in the window (payments only), most frequent first.
    public var categories: [(category: String, count: Int)]

    /// failed / payments (0 when there are none).
    public var rate: Double { payments == 0 ? 0 : Double(failedPayments) / Double(payments) }

    public static func == (lhs: FailureStatistics, rhs: FailureStatistics) -> Bool {
        lhs.payments == rhs.payments && lhs.failedPayments == rhs.failedPayments
            && lhs.categories.map(\.category) == rhs.categories.map(\.category) && lhs.categories.map(\.count) == rhs.categories.map(\.count)
    }

    /// Creates the value (Store reads it from a row; Bridge and the tests build it).
    public init(payments: Int, failedPayments: Int, categories: [(category: String, count: Int)]) {
        self.payments = payments
        self.failedPayments = failedPayments
        self.categories = categories
    }
}
