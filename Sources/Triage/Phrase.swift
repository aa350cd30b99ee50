/// Small wording helpers shared by the text builders, so every text names things the same way.
enum Phrase {
    /// `“Acme Supply”`.
    static func quoted(_ text: String) -> String {
        "“\(text)”"
    }

    /// "invoice 1043"; a bare TxnID reads as "the invoice with ID …".
    static func invoice(_ refNumber: String?, txnID: String?) -> String {
        if let refNumber, !refNumber.isEmpty { return "invoice \(refNumber)" }
        if let txnID { return "the invoice with ID \(txnID)" }
        return "the invoice"
    }

    /// Ends a sentence that may already end in a quoted sentence: `said “Done.”` gets no second period.
    static func endSentence(_ text: String) -> String {
        let last = text.last { $0 != "”" && $0 != "\"" && $0 != ")" }
        return [".", "!", "?", "…"].contains(last) ? text : text + "."
    }

    /// Capitalizes the first letter for the start of a sentence.
    static func sentenceCase(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "payment #5512 on 2026-11-18 ($1,500.00)", "credit memo CM-311 on 2024-05-01 ($40.00)".
    static func link(_ link: LinkedTransaction) -> String {
        var text = linkName(link)
        if let date = link.txnDate, !date.isEmpty { text += " on \(date)" }
        return text + " (\(link.amount.magnitude.displayText))"
    }

    /// "payment #5512", "credit memo CM-311", "a journal entry (ID 12-345)".
    static func linkName(_ link: LinkedTransaction) -> String {
        let noun = linkNoun(link.txnType)
        guard let ref = link.refNumber, !ref.isEmpty else { return "a \(noun) (ID \(link.txnID))" }
        return ref.allSatisfy(\.isNumber) ? "\(noun) #\(ref)" : "\(noun) \(ref)"
    }

    /// "ReceivePayment" → "payment", "CreditMemo" → "credit memo", "JournalEntry" → "journal entry".
    static func linkNoun(_ txnType: String) -> String {
        switch txnType.lowercased() {
        case "receivepayment": return "payment"
        case "creditmemo": return "credit memo"
        default:
            var words: [String] = []
            for character in txnType {
                if character.isUppercase || words.isEmpty { words.append("") }
                words[words.count - 1].append(character)
            }
            return words.joined(separator: " ").lowercased()
        }
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// The date part of a QuickBooks timestamp ("2026-11-19T10:02:11-08:00" → "2026-11-19").
    static func day(_ timestamp: String) -> String {
        String(timestamp.prefix { $0 != "T" })
    }

    /// "ReceivePaymentAdd" → "payment", "CustomerMod" → "customer update", "ItemServiceAdd" → "item".
    static func request(_ kind: String) -> String {
        let nouns: [(prefix: String, noun: String)] = [
            ("ReceivePayment", "payment"), ("Invoice", "invoice"), ("Customer", "customer"),
            ("CreditMemo", "credit memo"), ("SalesOrder", "sales order"), ("SalesReceipt", "sales receipt"),
            ("Item", "item"), ("Estimate", "estimate"), ("Txn", "transaction"), ("DataExt", "custom field"),
        ]
        guard let noun = nouns.first(where: { kind.hasPrefix($0.prefix) })?.noun else { return "\(kind) request" }
        let verbs: [(suffix: String, wording: String)] = [
            ("Add", noun), ("Mod", "\(noun) update"), ("Query", "\(noun) lookup"),
            ("Del", "\(noun) deletion"), ("Void", "\(noun) void"),
        ]
        return verbs.first(where: { kind.hasSuffix($0.suffix) })?.wording ?? "\(noun) request"
    }
}
