/// The texts that mean "someone else has this record", under codes 3170/3175/3176/3180 and
/// in the HRESULT 0x8004041B (docs/failure-catalogue.md, "Reading status messages": lock wordings). Matched case-insensitively.
enum LockPatterns {
    /// One substring per known lock wording.
    static let phrases: [String] = [
        "list has been modified by another user",
        "internals could not be locked",
        "failed to acquire the lock",
        "list element is in use",
        "transaction could not be locked",
        "because it is already in use",
        "in use by another user",
    ]

    /// True when the normalized message carries a lock wording.
    static func matches(_ normalized: String) -> Bool {
        let lowered = normalized.lowercased()
        return phrases.contains { lowered.contains($0) }
    }
}
