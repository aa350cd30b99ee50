import Foundation
public import QBXML

/// How a company's payments reach the bank (issue "Pulls…", deposit report): card batches of one business
/// day arrive together about two business days later, ACH three to four; weekends and the listed holidays
/// are not business days. Stored per company as JSON; every field has a default.
public struct DepositSettings: Codable, Sendable, Equatable {
    /// Business days from a card batch day to the deposit.
    public var cardBusinessDays: Int
    /// Business days from an ACH payment to the earliest deposit.
    public var achBusinessDays: Int
    /// Business days from an ACH payment to the latest expected deposit.
    public var achLatestBusinessDays: Int
    /// Payment method names (case-insensitive) that are card payments, besides the usual card names.
    public var cardMethods: [String]
    /// Payment method names (case-insensitive) that are ACH / bank transfers, besides the usual names.
    public var achMethods: [String]
    /// Bank holidays (`YYYY-MM-DD`) that are not business days.
    public var holidays: [String]

    /// The defaults.
    public static let standard = DepositSettings(cardBusinessDays: 2, achBusinessDays: 3, achLatestBusinessDays: 4, cardMethods: [],
                                                 achMethods: [], holidays: [])

    /// Creates settings.
    public init(cardBusinessDays: Int, achBusinessDays: Int, achLatestBusinessDays: Int, cardMethods: [String], achMethods: [String],
                holidays: [String]) {
        self.cardBusinessDays = cardBusinessDays
        self.achBusinessDays = achBusinessDays
        self.achLatestBusinessDays = achLatestBusinessDays
        self.cardMethods = cardMethods
        self.achMethods = achMethods
        self.holidays = holidays
    }

    /// Reads stored settings; missing fields take their defaults.
    public init(json: String?) {
        self = json.flatMap { try? JSONDecoder().decode(DepositSettings.self, from: Data($0.utf8)) } ?? .standard
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = DepositSettings.standard
        cardBusinessDays = try container.decodeIfPresent(Int.self, forKey: .cardBusinessDays) ?? standard.cardBusinessDays
        achBusinessDays = try container.decodeIfPresent(Int.self, forKey: .achBusinessDays) ?? standard.achBusinessDays
        achLatestBusinessDays = try container.decodeIfPresent(Int.self, forKey: .achLatestBusinessDays) ?? max(achBusinessDays, standard.achLatestBusinessDays)
        cardMethods = try container.decodeIfPresent([String].self, forKey: .cardMethods) ?? []
        achMethods = try container.decodeIfPresent([String].self, forKey: .achMethods) ?? []
        holidays = try container.decodeIfPresent([String].self, forKey: .holidays) ?? []
    }

    /// The stored form.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The settings' problems, by field (empty when they are usable).
    public var problems: [String: String] {
        var fields: [String: String] = [:]
        if !(0...10).contains(cardBusinessDays) { fields["depositSettings.cardBusinessDays"] = "must be 0–10" }
        if !(0...10).contains(achBusinessDays) { fields["depositSettings.achBusinessDays"] = "must be 0–10" }
        // Not a `ClosedRange` from the input: `11...10` would trap.
        if achLatestBusinessDays < achBusinessDays || achLatestBusinessDays > 10 {
            fields["depositSettings.achLatestBusinessDays"] = "must be between achBusinessDays and 10"
        }
        if let bad = holidays.first(where: { QBDate($0) == nil }) { fields["depositSettings.holidays"] = "\"\(bad)\" is not a date YYYY-MM-DD" }
        if cardMethods.count + achMethods.count > 100 { fields["depositSettings"] = "at most 100 payment method names" }
        if holidays.count > 366 { fields["depositSettings.holidays"] = "at most 366 holidays" }
        return fields
    }

    /// How a payment method reaches the bank.
    public func channel(of paymentMethod: String?) -> DepositChannel {
        guard let name = paymentMethod?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty else { return .other }
        if cardMethods.contains(where: { $0.lowercased() == name }) { return .card }
        if achMethods.contains(where: { $0.lowercased() == name }) { return .ach }
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if Self.achWords.contains(where: { words.contains($0) }) || name.contains("bank transfer") || name.contains("direct debit")
            || name.contains("e-check") { return .ach }
        if Self.cardWords.contains(where: { words.contains($0) }) || name.contains("american express") || name.contains("master card") {
            return .card
        }
        return .other
    }

    static let cardWords = ["visa", "mastercard", "amex", "discover", "card", "credit", "debit", "jcb", "diners"]
    static let achWords = ["ach", "echeck", "eft", "sepa", "wire"]
}

/// How a payment reaches the bank account.
public enum DepositChannel: String, Codable, Sendable, CaseIterable {
    /// Card processor batches, deposited together.
    case card
    /// ACH / eCheck / bank transfers.
    case ach
    /// Checks and cash, deposited by hand.
    case other
}

/// Business-day arithmetic: Saturdays, Sundays and the given holidays are not business days.
public struct BusinessCalendar: Sendable {
    let holidays: Set<QBDate>

    /// A calendar with these holidays.
    public init(holidays: [String]) {
        self.holidays = Set(holidays.compactMap(QBDate.init))
    }

    /// Whether banks work that day.
    public func isBusinessDay(_ date: QBDate) -> Bool {
        !Self.isWeekend(date) && !holidays.contains(date)
    }

    /// The day itself when it is a business day, else the next business day (a card sale on Saturday is
    /// in Monday's batch).
    public func onOrAfter(_ date: QBDate) -> QBDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// `count` business days after `date`.
    public func adding(businessDays count: Int, to date: QBDate) -> QBDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isBusinessDay(day) { left -= 1 }
        }
        return day
    }

    /// The day of the week, 0 = Sunday … 6 = Saturday.
    public static func weekdayIndex(_ date: QBDate) -> Int { weekday(date) }

    /// Sakamoto's day-of-week (0 = Sunday), so no Foundation calendar or time zone is involved.
    static func weekday(_ date: QBDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = date.month < 3 ? date.year - 1 : date.year
        return (year + year / 4 - year / 100 + year / 400 + offsets[date.month - 1] + date.day) % 7
    }

    static func isWeekend(_ date: QBDate) -> Bool {
        let day = weekday(date)
        return day == 0 || day == 6
    }
}
