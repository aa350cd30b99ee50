import QBXML

/// Exact cent arithmetic on `Money` for the simulated books. Named methods rather than operators so
/// they never collide with operators the QBXML module may add later.
extension Money {
    /// An amount from cents, clamped to AMTTYPE's range (the simulated books never get near it).
    static func simulated(cents: Int64) -> Money {
        Money(cents: min(max(cents, -maximumCents), maximumCents)) ?? .zero
    }

    /// `self + other`.
    func adding(amount other: Money) -> Money { .simulated(cents: cents + other.cents) }

    /// `self - other`.
    func subtracting(amount other: Money) -> Money { .simulated(cents: cents - other.cents) }

    /// The sum of the amounts.
    static func total<S: Sequence>(_ amounts: S) -> Money where S.Element == Money {
        .simulated(cents: amounts.reduce(Int64(0)) { $0 + $1.cents })
    }

    /// True for a positive amount.
    var isPositive: Bool { cents > 0 }
}
