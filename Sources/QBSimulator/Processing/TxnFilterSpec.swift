import QBXML

/// The TxnFilter group of Invoice-, CreditMemo- and ReceivePaymentQueryRq (docs/qbxml-messages.md, "Shared parts"),
/// resolved against the company: date ranges, entity and account sets, reference-number match or range.
struct TxnFilterSpec: Sendable {
    var modifiedFrom: QBDateTime?
    var modifiedTo: QBDateTime?
    var txnFrom: QBDate?
    var txnTo: QBDate?
    var entities: Set<ListID>?
    var accounts: Set<ListID>?
    var refCriterion: String?
    var refText: String?
    var refFrom: String?
    var refTo: String?
    /// A 500 warning for a name in a filter that matches nothing (the rest of the filter still applies).
    var warning: QBXMLStatus?

    /// Reads the filter children of a query element; unknown ListIDs are a 3120 failure.
    init(_ query: RequestElement, file: CompanyFile) throws(StatusFailure) {
        if let range = query.child("ModifiedDateRangeFilter") {
            modifiedFrom = range.value("FromModifiedDate").flatMap { QBDateTime($0) }
            modifiedTo = range.value("ToModifiedDate").flatMap { QBDateTime($0) }.map(Self.endOfDayIfDateOnly)
        }
        if let range = query.child("TxnDateRangeFilter") {
            if let macro = range.value("DateMacro") {
                let bounds = DateMacroRange.range(macro, today: file.clock.today)
                txnFrom = bounds?.from
                txnTo = bounds?.to
            } else {
                txnFrom = range.value("FromTxnDate").flatMap { QBDate($0) }
                txnTo = range.value("ToTxnDate").flatMap { QBDate($0) }
            }
        }
        let entity = try Self.resolve(query.child("EntityFilter"),
                                      exists: { file.customers[$0] != nil },
                                      named: { file.customer(named: $0)?.listID },
                                      children: { file.descendants(of: $0) })
        entities = entity.ids
        let account = try Self.resolve(query.child("AccountFilter"),
                                       exists: { file.accounts[$0] != nil },
                                       named: { file.account(named: $0)?.listID },
                                       children: { parent in
                                           guard let name = file.accounts[parent]?.fullName.nameKey else { return [] }
                                           return file.accountOrder.filter { file.accounts[$0]?.fullName.nameKey.hasPrefix(name + ":") == true }
                                       })
        accounts = account.ids
        warning = entity.warning ?? account.warning
        if let match = query.child("RefNumberFilter") {
            refCriterion = match.value("MatchCriterion")
            refText = match.value("RefNumber")
        }
        if let range = query.child("RefNumberRangeFilter") {
            refFrom = range.value("FromRefNumber")
            refTo = range.value("ToRefNumber")
        }
    }

    func matches<T: SimTransaction>(_ record: T) -> Bool {
        if let modifiedFrom, record.modified.dateTime < modifiedFrom { return false }
        if let modifiedTo, record.modified.dateTime > modifiedTo { return false }
        if let txnFrom, record.txnDate < txnFrom { return false }
        if let txnTo, record.txnDate > txnTo { return false }
        if let entities, !entities.contains(record.customer) { return false }
        if let accounts, !accounts.contains(record.arAccount) { return false }
        if let refCriterion, let refText {
            guard let ref = record.refNumber?.nameKey else { return false }
            let wanted = refText.nameKey
            switch refCriterion {
            case "StartsWith": if !ref.hasPrefix(wanted) { return false }
            case "EndsWith": if !ref.hasSuffix(wanted) { return false }
            default: if !ref.contains(wanted) { return false }
            }
        }
        if refFrom != nil || refTo != nil {
            guard let ref = record.refNumber else { return false }
            if let refFrom, Self.compareRefNumbers(ref, refFrom) < 0 { return false }
            if let refTo, Self.compareRefNumbers(ref, refTo) > 0 { return false }
        }
        return true
    }

    /// Numbers compare as numbers when both are all digits, else as text ignoring case
    /// (docs/qbxml-messages.md, "Shared parts", RefNumberRangeFilter).
    static func compareRefNumbers(_ a: String, _ b: String) -> Int {
        if let x = Int(a), let y = Int(b), a.allSatisfy(\.isNumber), b.allSatisfy(\.isNumber) {
            return x < y ? -1 : (x > y ? 1 : 0)
        }
        let x = a.nameKey, y = b.nameKey
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// A `ToModifiedDate` without a time covers that whole day.
    static func endOfDayIfDateOnly(_ value: QBDateTime) -> QBDateTime {
        value.raw.contains("T") ? value : value.addingSeconds(86_399)
    }

    /// Resolves an EntityFilter/AccountFilter (`ListID`+ | `FullName`+ | `ListIDWithChildren` |
    /// `FullNameWithChildren`). An unknown ListID fails with 3120; an unknown name only warns (500).
    static func resolve(_ filter: RequestElement?, exists: (ListID) -> Bool, named: (String) -> ListID?,
                        children: (ListID) -> [ListID]) throws(StatusFailure) -> (ids: Set<ListID>?, warning: QBXMLStatus?) {
        guard let filter else { return (nil, nil) }
        var ids = Set<ListID>()
        var warning: QBXMLStatus?
        for text in filter.values("ListID") {
            guard exists(ListID(text)) else { throw StatusFailure(.objectNotFound(text)) }
            ids.insert(ListID(text))
        }
        for name in filter.values("FullName") {
            if let id = named(name) { ids.insert(id) } else if warning == nil { warning = .elementNotFound(name) }
        }
        if let text = filter.value("ListIDWithChildren") {
            guard exists(ListID(text)) else { throw StatusFailure(.objectNotFound(text)) }
            ids.insert(ListID(text))
            ids.formUnion(children(ListID(text)))
        }
        if let name = filter.value("FullNameWithChildren") {
            if let id = named(name) {
                ids.insert(id)
                ids.formUnion(children(id))
            } else {
                warning = .elementNotFound(name)
            }
        }
        return (ids, warning)
    }
}
