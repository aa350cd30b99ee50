public import Foundation
public import Domain
public import Store
import Triage

/// A company's sync health (issue "Failure triage" §5): last sync, current connection failure, age alerts
/// and the failure-rate alert, with what to check.
public struct CompanyHealth: Sendable {
    /// The company.
    public var company: Company
    /// The open connection failure, if any.
    public var connectionFailure: FailureRecord?
    /// Hours since the last successful sync (nil: never synced).
    public var hoursSinceLastSync: Double?
    /// `none`, `warning` (12 h), `critical` (24 h), `severe` (48 h), or `never_synced`.
    public var ageAlert: String
    /// Payment failure figures over the window.
    public var statistics: FailureStatistics
    /// The window, days.
    public var windowDays: Int
    /// Whether the failure-rate alert is raised.
    public var rateAlert: Bool
    /// Plain-words explanation of the alert(s), or nil when all is well.
    public var alertMessage: String?
    /// Steps to check when the alert is raised.
    public var whatToCheck: [String]

    /// Payments needed in the window before the rate means anything.
    public static let minimumPayments = 10
    /// The alert threshold.
    public static let alertRate = 0.10
}

/// Computes health and keeps the `not_syncing` connection failure in step with it.
public struct HealthService: Sendable {
    let store: Store

    /// Creates the service.
    public init(store: Store) {
        self.store = store
    }

    /// The health of one company now.
    public func health(_ id: CompanyID, now: Date = Date(), windowDays: Int = 30) async throws -> CompanyHealth {
        guard let company = try await store.companies.find(id) else { throw BridgeError.notFound("company", id.rawValue) }
        let since = Timestamp(now.addingTimeInterval(-Double(windowDays) * 86400))
        let statistics = try await store.failures.statistics(companyID: id, since: since)
        let connection = try await store.failures.list(companyID: id, statuses: [.open], connectionOnly: true, limit: 1).first
        let hours = company.lastSyncAt.map { now.timeIntervalSince($0.date) / 3600 }
        let overdue = hours.map { $0 * 60 > Double(max(company.runEveryMinutes * 3, 60)) } ?? false
        let ageAlert: String
        switch hours {
        case nil: ageAlert = "never_synced"
        case let value? where value >= 48: ageAlert = "severe"
        case let value? where value >= 24: ageAlert = "critical"
        case let value? where value >= 12 || overdue: ageAlert = "warning"
        default: ageAlert = "none"
        }
        let rateAlert = statistics.payments >= CompanyHealth.minimumPayments && statistics.rate >= CompanyHealth.alertRate
        var messages: [String] = []
        var checks: [String] = []
        if rateAlert {
            let top = statistics.categories.prefix(3).map { "\($0.category) (\($0.count))" }.joined(separator: ", ")
            messages.append(String(format: "%d of %d payments in the last %d days failed (%.0f%%), at or above the 10%% alert level. Most common: %@.",
                                   statistics.failedPayments, statistics.payments, windowDays, statistics.rate * 100, top))
            checks.append(contentsOf: Self.checks(for: statistics.categories.first?.category))
        }
        if let hours, ageAlert != "none" {
            messages.append(String(format: "The Web Connector has not synced for %.0f hours (schedule: every %d minutes).", hours, company.runEveryMinutes))
            checks.append("On the QuickBooks computer, check that the Windows user running the Web Connector is logged in, the machine is awake, and the Web Connector shows QBBridge with Auto-Run ticked.")
        }
        if let connection { messages.append("Connection problem: \(connection.title).") }
        return CompanyHealth(company: company, connectionFailure: connection, hoursSinceLastSync: hours, ageAlert: ageAlert,
                             statistics: statistics, windowDays: windowDays, rateAlert: rateAlert,
                             alertMessage: messages.isEmpty ? nil : messages.joined(separator: " "), whatToCheck: checks)
    }

    static func checks(for category: String?) -> [String] {
        switch category {
        case FailureCategory.alreadyApplied.rawValue?:
            return ["Payments are being entered by hand in QuickBooks as well as synced: ask the bookkeeper to stop recording these payments manually."]
        case FailureCategory.amountChanged.rawValue?:
            return ["Invoices are changed or credited in QuickBooks after customers pay: check credit memos and invoice edits, and sales tax settings that differ from the billing system."]
        case FailureCategory.invoiceMissing.rawValue?:
            return ["Invoices are deleted and recreated in QuickBooks: edit invoices instead of recreating them, or re-sync invoice ids to the billing system."]
        case FailureCategory.customerMissing.rawValue?, FailureCategory.referenceMissing.rawValue?:
            return ["Customers, accounts or payment methods named by the billing system do not exist in QuickBooks: check the names and mappings."]
        case FailureCategory.periodClosed.rawValue?:
            return ["Payments arrive dated on or before the company's closing date: have the billing system date payments when they are received, and agree with the bookkeeper when the books are closed."]
        default:
            return ["Open the failures list for this company and follow the steps of the most common category."]
        }
    }

    /// Opens a `not_syncing` connection failure for companies whose Web Connector went quiet, and resolves
    /// it once they sync again (the session close resolves it too).
    public func checkSchedules(now: Date = Date()) async throws {
        for company in try await store.companies.all() {
            guard let last = company.lastSessionAt ?? company.lastSyncAt else { continue }
            if Classifier.isSyncOverdue(lastSessionAt: last.date, now: now, runEveryMinutes: company.runEveryMinutes) {
                let draft = Classifier.classify(ConnectionFailureInput.notSyncing(lastSessionAt: last.date, now: now, runEveryMinutes: company.runEveryMinutes))
                try await store.failures.recordConnection(NewFailure(draft, companyID: company.id, jobID: nil))
            }
        }
    }
}
