/// A `LIKE` pattern that finds `text` anywhere, ignoring case (compare it with `LOWER(column)`), with LIKE's own
/// wildcards in `text` taken literally: use it with `ESCAPE '\'` (a single backslash). The admin searches (payments by external id,
/// companies by name) all go through here, so a `%` or `_` typed into a search box means itself everywhere.
enum LikePattern {
    static func containing(_ text: String) -> String {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }
}
