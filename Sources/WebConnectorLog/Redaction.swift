/// Removes tickets and passwords from what the reader keeps (issue 23: "lines that hold a password or
/// ticket are never stored or shown"). The Web Connector masks the password it sends, but a VERBOSE log
/// still prints every ticket (`wcTicket="…"`, `authRet[0]="…"`, `<ticket>…</ticket>`), and an application's
/// own messages may echo either; so every text the report keeps passes through `redact`, and a line that
/// names a secret is never kept at all when a log is attached to a company (`holdsSecret`).
public enum Redaction {
    /// What a removed value reads as.
    public static let marker = "[removed]"

    /// The words that mark a line as carrying a ticket or a password, lower-cased.
    private static let secretWords = ["ticket", "password", "passwd", "authret[0]", "pwd="]

    /// True when `line` names a ticket or a password anywhere, masked or not.
    public static func holdsSecret(_ line: String) -> Bool {
        let lowered = line.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    // The patterns, compiled once: a regex literal is parsed again at every use.
    nonisolated(unsafe) private static let valuePattern = /(?i)((?:wc|str)?(?:ticket|password|passwd|pwd)|authRet\[0\])(\s*(?:=|:)\s*)("[^"]*"|'[^']*'|<[^>]*>|[^\s>"'<]+)/
    nonisolated(unsafe) private static let elementPattern = /(?i)<((?:wc|str)?(?:ticket|password))>[^<]*<\/\1>/
    nonisolated(unsafe) private static let openElementPattern = /(?i)<((?:wc|str)?(?:ticket|password))>[^<]*$/

    /// `text` with the value of every ticket and password removed; the rest is kept, so a support person
    /// still reads what happened. Any value after a secret's name is removed up to its closing quote or
    /// bracket, or to the end of the text when it has none.
    public static func redact(_ text: String) -> String {
        guard holdsSecret(text) else { return text }
        var result = text
        // <wcTicket="…">, ticket='…', authRet[0]="…", <password=…>, strPassword="…", Password: …
        result.replace(valuePattern) { match in
            "\(match.output.1)\(match.output.2)\"\(marker)\""
        }
        // <ticket>…</ticket>, <strPassword>…</strPassword> in a VERBOSE log's XML.
        result.replace(elementPattern) { match in
            "<\(match.output.1)>\(marker)</\(match.output.1)>"
        }
        // An element cut off at the end of the text: <ticket>… with no closing tag.
        result.replace(openElementPattern) { match in
            "<\(match.output.1)>\(marker)"
        }
        return result
    }
}
