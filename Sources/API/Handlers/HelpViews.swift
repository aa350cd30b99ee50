import Triage

extension Components.Schemas.HelpEntry {
    /// A catalogue entry as the contract's `HelpEntry`: the same fields, with the kind and category as the
    /// contract's enums (a value outside them is a `ContractMismatch`, never a silently different answer).
    init(_ entry: Triage.HelpEntry) throws {
        self.init(
            code: entry.code,
            kind: try contractValue(entry.kind.rawValue, what: "help entry kind"),
            title: entry.title,
            meaning: entry.meaning,
            causes: entry.causes,
            steps: entry.steps,
            category: try entry.category.map { try contractValue($0.rawValue, what: "failure category") }
        )
    }
}
