/// The catalogue entry of each HRESULT in `HResultTable`: its category's connection title, the table's
/// explanation with QuickBooks' own text, the category's causes, and the steps its record shows.
extension HelpCatalogue {
    /// The entry for a known HRESULT; only called with the table's keys.
    static func hresultEntry(_ hresult: HResult) -> HelpEntry {
        guard let known = HResultTable.entry(for: hresult) else {
            // Unreachable for the table's own keys; an unknown HRESULT is described by its category.
            let general = categoryEntry(.unknown)
            return HelpEntry(code: hresult.description, kind: .hresult, title: general.title, meaning: general.meaning,
                             causes: general.causes, steps: general.steps, category: .unknown)
        }
        let quickBooksSays = known.quickBooksText.map { " QuickBooks' own words: “\($0)”" } ?? ""
        return HelpEntry(
            code: hresult.description,
            kind: .hresult,
            title: ConnectionTexts.title(for: known.category),
            meaning: Phrase.endSentence(known.explanation) + quickBooksSays,
            causes: categoryEntry(known.category).causes,
            steps: known.steps ?? ConnectionSteps.steps(for: known.category, companyFilePath: nil),
            category: known.category)
    }
}
