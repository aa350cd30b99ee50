/// One line of `qbbridge doctor`'s report (docs/operations.md, "qbbridge doctor"): what was checked, what was found,
/// and, when it failed, the fix in a sentence or two a person can act on.
public struct DoctorCheck: Sendable, Equatable {
    /// How a check came out.
    public enum Status: Sendable, Equatable {
        /// ✔
        case passed
        /// ✘: the command exits non-zero.
        case failed
        /// Not run because an earlier check failed or does not apply (printed with "–", does not fail the run).
        case skipped
    }

    /// Stable name for tests and scripts: `database.open`, `database.schema`, `database.write`, `url`, `dns`, `https`,
    /// `certificate.chain`, `certificate.expiry`, `qwc`, `clock`.
    public var id: String
    public var status: Status
    /// What was checked and found, e.g. "Certificate chain: verified with the system's trust store".
    public var summary: String
    /// What to do about a failure (empty when passed).
    public var fix: String

    public init(_ id: String, _ status: Status, _ summary: String, fix: String = "") {
        self.id = id
        self.status = status
        self.summary = summary
        self.fix = fix
    }

    static func passed(_ id: String, _ summary: String) -> DoctorCheck { DoctorCheck(id, .passed, summary) }
    static func failed(_ id: String, _ summary: String, fix: String) -> DoctorCheck { DoctorCheck(id, .failed, summary, fix: fix) }
    static func skipped(_ id: String, _ summary: String) -> DoctorCheck { DoctorCheck(id, .skipped, summary) }
}

/// Every check of one doctor run, in the order they ran, and the notes printed above them.
public struct DoctorReport: Sendable {
    public var checks: [DoctorCheck] = []
    /// Lines printed before the checks (what was tested, extra trust roots in use).
    public var notes: [String] = []

    /// No check failed.
    public var passed: Bool { !checks.contains { $0.status == .failed } }

    /// The check with this id, for tests and scripts.
    public subscript(id: String) -> DoctorCheck? { checks.first { $0.id == id } }

    /// The report as printed: one ✔/✘/– line per check, the fix indented under a failure.
    public var text: String {
        var lines = notes
        for check in checks {
            let mark = switch check.status {
            case .passed: "✔"
            case .failed: "✘"
            case .skipped: "–"
            }
            lines.append("\(mark) \(check.summary)")
            if !check.fix.isEmpty { lines.append("    Fix: \(check.fix)") }
        }
        let failed = checks.filter { $0.status == .failed }.count
        lines.append(failed == 0 ? "All checks passed." : "\(failed) check\(failed == 1 ? "" : "s") failed.")
        return lines.joined(separator: "\n") + "\n"
    }
}
