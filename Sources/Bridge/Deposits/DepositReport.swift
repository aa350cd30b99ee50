import Foundation
public import QBXML

/// A posted payment as the deposit report sees it.
public struct DepositPayment: Sendable, Equatable {
    public var id: String
    public var externalId: String
    public var txnId: String?
    public var refNumber: String?
    public var customer: String?
    public var amount: Money
    public var paymentMethod: String?
    public var date: QBDate
    public var depositToAccount: String?

    /// Creates a payment line.
    public init(id: String, externalId: String, txnId: String?, refNumber: String?, customer: String?, amount: Money, paymentMethod: String?,
                date: QBDate, depositToAccount: String?) {
        self.id = id
        self.externalId = externalId
        self.txnId = txnId
        self.refNumber = refNumber
        self.customer = customer
        self.amount = amount
        self.paymentMethod = paymentMethod
        self.date = date
        self.depositToAccount = depositToAccount
    }
}

/// One expected bank deposit: the payments of one channel and batch day, with their total.
public struct ExpectedDeposit: Sendable, Equatable {
    public var channel: DepositChannel
    /// The business day the payments were batched on (their date, or the next business day).
    public var batchDate: QBDate
    /// When the deposit should appear in the bank.
    public var expectedDate: QBDate
    /// The latest day it may appear (ACH takes three to four business days).
    public var latestDate: QBDate
    public var payments: [DepositPayment]

    /// The deposit's amount.
    public var total: Money {
        Money(cents: payments.reduce(0) { $0 + $1.amount.cents }) ?? .zero
    }
}

/// Groups posted payments into the deposits a bookkeeper should find in the bank, to tick them off in
/// QuickBooks' Record Deposits window. Pure: the same payments and settings give the same report.
public struct DepositReport: Sendable, Equatable {
    public var from: QBDate
    public var to: QBDate
    public var settings: DepositSettings
    /// Deposits expected between `from` and `to`, by expected date, card before ACH before other.
    public var deposits: [ExpectedDeposit]

    /// Builds the report for deposits expected from `from` through `to`.
    public init(payments: [DepositPayment], from: QBDate, to: QBDate, settings: DepositSettings) {
        self.from = from
        self.to = to
        self.settings = settings
        let calendar = BusinessCalendar(holidays: settings.holidays)
        var groups: [GroupKey: [DepositPayment]] = [:]
        for payment in payments {
            let channel = settings.channel(of: payment.paymentMethod)
            groups[GroupKey(channel: channel, batchDate: calendar.onOrAfter(payment.date)), default: []].append(payment)
        }
        deposits = groups.compactMap { key, payments -> ExpectedDeposit? in
            let (earliest, latest): (Int, Int)
            switch key.channel {
            case .card: (earliest, latest) = (settings.cardBusinessDays, settings.cardBusinessDays)
            case .ach: (earliest, latest) = (settings.achBusinessDays, settings.achLatestBusinessDays)
            case .other: (earliest, latest) = (0, 0)
            }
            let expected = calendar.adding(businessDays: earliest, to: key.batchDate)
            guard expected >= from, expected <= to else { return nil }
            return ExpectedDeposit(channel: key.channel, batchDate: key.batchDate, expectedDate: expected,
                                   latestDate: calendar.adding(businessDays: latest, to: key.batchDate),
                                   payments: payments.sorted { ($0.date, $0.refNumber ?? "", $0.id) < ($1.date, $1.refNumber ?? "", $1.id) })
        }
        .sorted { lhs, rhs in
            if lhs.expectedDate != rhs.expectedDate { return lhs.expectedDate < rhs.expectedDate }
            if lhs.channel != rhs.channel { return Self.order(lhs.channel) < Self.order(rhs.channel) }
            return lhs.batchDate < rhs.batchDate
        }
    }

    /// The total of every deposit of a channel (nil: all channels).
    public func total(_ channel: DepositChannel? = nil) -> Money {
        let cents = deposits.filter { channel == nil || $0.channel == channel }.reduce(Int64(0)) { $0 + $1.total.cents }
        return Money(cents: cents) ?? .zero
    }

    /// The earliest payment date that can land in a deposit expected on `from`: the widest window back.
    public static func earliestPaymentDate(for from: QBDate, settings: DepositSettings) -> QBDate {
        from.adding(days: -(max(settings.cardBusinessDays, settings.achLatestBusinessDays) * 2 + 10 + settings.holidays.count))
    }

    private struct GroupKey: Hashable {
        var channel: DepositChannel
        var batchDate: QBDate
    }

    private static func order(_ channel: DepositChannel) -> Int {
        switch channel {
        case .card: 0
        case .ach: 1
        case .other: 2
        }
    }
}
