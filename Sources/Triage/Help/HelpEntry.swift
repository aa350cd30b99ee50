/// One entry of the help catalogue: a code a support person may meet, with what it means, what usually
/// causes it and the steps that fix it, in the same bookkeeper wording as the failure records.
///
/// Issue 23: no code is ever shown without its meaning, so every entry carries all four texts; the
/// catalogue's tests hold every entry to a meaning, at least one cause and at least one step.
public struct HelpEntry: Sendable, Equatable, Identifiable {
    /// Where a code comes from.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A failure category QBBridge assigns (`already_applied`, `popup_blocking`, …).
        case category
        /// A QuickBooks HRESULT the Web Connector passes on (`0x80040414`, …).
        case hresult
        /// A Web Connector code from Intuit's Web Connector Programmer's Guide, Appendix A (`QBWC1048`, …).
        case qbwc

        /// How a person reads the kind.
        public var label: String {
            switch self {
            case .category: "QBBridge failure category"
            case .hresult: "QuickBooks HRESULT"
            case .qbwc: "Web Connector code"
            }
        }
    }

    /// The code as it is written: a category's raw value, `0x` and eight upper-case hex digits, or `QBWC10xx`.
    public let code: String
    /// Where the code comes from.
    public let kind: Kind
    /// A headline naming the problem.
    public let title: String
    /// What the code means, in plain words.
    public let meaning: String
    /// What usually causes it, most common first.
    public let causes: [String]
    /// The steps that fix it, in order.
    public let steps: [String]
    /// The failure category QBBridge records this code under, when it records it at all (an HRESULT's
    /// category; a Web Connector code whose problem QBBridge also sees). Nil for a category itself.
    public let category: FailureCategory?

    /// The code is the identity: one entry per code.
    public var id: String { code }

    /// Creates an entry.
    public init(code: String, kind: Kind, title: String, meaning: String, causes: [String], steps: [String],
                category: FailureCategory? = nil) {
        self.code = code
        self.kind = kind
        self.title = title
        self.meaning = meaning
        self.causes = causes
        self.steps = steps
        self.category = category
    }
}
