import QBXML

/// The query requests (docs/qbxml-messages.md, "Requests QBBridge sends"): selection by IDs, names or filters, then
/// paging with `MaxReturned` and iterators, then rendering with the query tail's options.
extension CompanyFile {
    /// The records a query selected, in order, before paging.
    struct Selection {
        var ids: [String]
        var warning: QBXMLStatus?
    }

    /// Pages a selection as the request's iterator and `metaData` attributes ask, and renders each record.
    mutating func runQuery(_ request: ParsedRequest, maxReturned: Int?,
                           select: (CompanyFile) throws(StatusFailure) -> Selection,
                           render: (CompanyFile, String, inout XMLOut) -> Bool) throws(StatusFailure) -> RequestOutcome {
        let element = request.element
        let metaData = element.attribute("metaData") ?? "NoMetaData"
        var page: [String]
        var total: Int
        var warning: QBXMLStatus?
        var iterator: (id: String, remaining: Int)?
        switch element.attribute("iterator") {
        case "Continue":
            let id = element.attribute("iteratorID") ?? ""
            guard let next = iterators.next(id, requestName: request.name, pageSize: maxReturned) else {
                throw StatusFailure(.invalidIterator(id))
            }
            page = next.page
            total = next.page.count + next.remaining
            iterator = (id, next.remaining)
        case "Stop":
            let id = element.attribute("iteratorID") ?? ""
            guard iterators.stop(id) else { throw StatusFailure(.invalidIterator(id)) }
            return RequestOutcome(status: .ok, iteratorID: id, iteratorRemainingCount: 0)
        case "Start":
            let selection = try select(self)
            let started = iterators.start(requestName: request.name, ids: selection.ids,
                                          pageSize: max(1, maxReturned ?? selection.ids.count), newID: ids.iteratorID())
            page = started.page
            total = selection.ids.count
            warning = selection.warning
            iterator = (started.id, started.remaining)
        default:
            let selection = try select(self)
            page = maxReturned.map { Array(selection.ids.prefix(max(0, $0))) } ?? selection.ids
            total = selection.ids.count
            warning = selection.warning
        }
        var out = XMLOut()
        var rendered = 0
        if metaData != "MetaDataOnly" {
            for id in page where render(self, id, &out) { rendered += 1 }
        } else {
            rendered = page.count
        }
        return RequestOutcome(
            status: warning ?? (rendered == 0 ? .noMatch : .ok),
            body: out.text,
            iteratorID: iterator?.id,
            iteratorRemainingCount: iterator?.remaining,
            retCount: metaData == "NoMetaData" ? nil : total
        )
    }

    /// Looks up requested IDs or names. A missing ID (ListID/TxnID) fails with 3120 when nothing was
    /// found and warns with 500 when some were; a missing name or RefNumber always warns with 500.
    static func pick(_ keys: [String], idsAreObjects: Bool, lookup: (String) -> [String]) throws(StatusFailure) -> Selection {
        var found: [String] = []
        var firstMissing: String?
        for key in keys {
            let matches = lookup(key)
            if matches.isEmpty, firstMissing == nil { firstMissing = key }
            for match in matches where !found.contains(match) { found.append(match) }
        }
        guard let firstMissing else { return Selection(ids: found, warning: nil) }
        if idsAreObjects && found.isEmpty { throw StatusFailure(.objectNotFound(firstMissing)) }
        return Selection(ids: found, warning: .elementNotFound(firstMissing))
    }

    // MARK: CustomerQueryRq (§3.2)

    mutating func customerQuery(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        let element = request.element
        let options = RetOptions(request: request)
        let balances = customerBalances()
        return try runQuery(request, maxReturned: element.value("MaxReturned").flatMap { Int($0) }, select: { file throws(StatusFailure) in
            let listIDs = element.values("ListID")
            if !listIDs.isEmpty {
                return try Self.pick(listIDs, idsAreObjects: true) { file.customers[ListID($0)] != nil ? [$0] : [] }
            }
            let names = element.values("FullName")
            if !names.isEmpty {
                return try Self.pick(names, idsAreObjects: false) { file.customer(named: $0).map { [$0.listID.rawValue] } ?? [] }
            }
            let active = element.value("ActiveStatus") ?? "ActiveOnly"
            let from = element.value("FromModifiedDate").flatMap { QBDateTime($0) }
            let to = element.value("ToModifiedDate").flatMap { QBDateTime($0) }.map(TxnFilterSpec.endOfDayIfDateOnly)
            let nameFilter = element.child("NameFilter")
            let nameRange = element.child("NameRangeFilter")
            let balanceFilter = element.child("TotalBalanceFilter")
            let ids = file.orderedCustomers.filter { customer in
                switch active {
                case "ActiveOnly": if !customer.isActive { return false }
                case "InactiveOnly": if customer.isActive { return false }
                default: break
                }
                if let from, customer.modified.dateTime < from { return false }
                if let to, customer.modified.dateTime > to { return false }
                let name = customer.fullName.nameKey
                if let nameFilter, let wanted = nameFilter.value("Name")?.nameKey {
                    switch nameFilter.value("MatchCriterion") {
                    case "StartsWith": if !name.hasPrefix(wanted) { return false }
                    case "EndsWith": if !name.hasSuffix(wanted) { return false }
                    default: if !name.contains(wanted) { return false }
                    }
                }
                if let nameRange {
                    if let lower = nameRange.value("FromName")?.nameKey, name < lower { return false }
                    if let upper = nameRange.value("ToName")?.nameKey, name > upper { return false }
                }
                if let balanceFilter, let amount = balanceFilter.value("Amount").flatMap({ Money($0) }) {
                    let own = balances[customer.listID] ?? .zero
                    let total = Money.total([own] + file.descendants(of: customer.listID).map { balances[$0] ?? .zero })
                    switch balanceFilter.value("Operator") {
                    case "LessThan": if !(total < amount) { return false }
                    case "LessThanEqual": if !(total <= amount) { return false }
                    case "Equal": if total != amount { return false }
                    case "GreaterThan": if !(total > amount) { return false }
                    default: if !(total >= amount) { return false }
                    }
                }
                return true
            }
            return Selection(ids: ids.map(\.listID.rawValue), warning: nil)
        }, render: { file, id, out in
            guard let customer = file.customers[ListID(id)] else { return false }
            file.render(customer: customer, balances: balances, options: options, into: &out)
            return true
        })
    }

    // MARK: InvoiceQueryRq, CreditMemoQueryRq, ReceivePaymentQueryRq (§3.3–§3.5)

    mutating func invoiceQuery(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        let options = RetOptions(request: request)
        let paid = request.element.value("PaidStatus") ?? "All"
        return try transactionQuery(request, records: { $0.orderedInvoices }, lookup: { $0.invoices[$1] }, extra: { invoice in
            switch paid {
            case "PaidOnly": return invoice.isPaid
            case "NotPaidOnly": return !invoice.isPaid
            default: return true
            }
        }, render: { file, id, out in
            guard let invoice = file.invoices[TxnID(id)] else { return false }
            file.render(invoice: invoice, options: options, into: &out)
            return true
        })
    }

    mutating func creditMemoQuery(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        let options = RetOptions(request: request)
        return try transactionQuery(request, records: { $0.orderedCreditMemos }, lookup: { $0.creditMemos[$1] }, extra: { _ in true },
                                    render: { file, id, out in
            guard let memo = file.creditMemos[TxnID(id)] else { return false }
            file.render(creditMemo: memo, options: options, into: &out)
            return true
        })
    }

    mutating func receivePaymentQuery(_ request: ParsedRequest) throws(StatusFailure) -> RequestOutcome {
        let options = RetOptions(request: request)
        return try transactionQuery(request, records: { $0.orderedPayments }, lookup: { $0.payments[$1] }, extra: { _ in true },
                                    render: { file, id, out in
            guard let payment = file.payments[TxnID(id)] else { return false }
            file.render(payment: payment, options: options, into: &out)
            return true
        })
    }

    private mutating func transactionQuery<T: SimTransaction>(
        _ request: ParsedRequest,
        records: @escaping (CompanyFile) -> [T],
        lookup: @escaping (CompanyFile, TxnID) -> T?,
        extra: @escaping (T) -> Bool,
        render: (CompanyFile, String, inout XMLOut) -> Bool
    ) throws(StatusFailure) -> RequestOutcome {
        let element = request.element
        return try runQuery(request, maxReturned: element.value("MaxReturned").flatMap { Int($0) }, select: { file throws(StatusFailure) in
            let txnIDs = element.values("TxnID")
            if !txnIDs.isEmpty {
                return try Self.pick(txnIDs, idsAreObjects: true) { lookup(file, TxnID($0)) != nil ? [$0] : [] }
            }
            let refNumbers = element.values("RefNumber")
            let caseSensitive = element.values("RefNumberCaseSensitive")
            if !refNumbers.isEmpty || !caseSensitive.isEmpty {
                let all = records(file)
                let keys = refNumbers.isEmpty ? caseSensitive : refNumbers
                return try Self.pick(keys, idsAreObjects: false) { key in
                    all.filter { record in
                        guard let ref = record.refNumber else { return false }
                        return refNumbers.isEmpty ? ref == key : ref.nameKey == key.nameKey
                    }.map(\.txnID.rawValue)
                }
            }
            let spec = try TxnFilterSpec(element, file: file)
            let ids = records(file).filter { spec.matches($0) && extra($0) }.map(\.txnID.rawValue)
            return Selection(ids: ids, warning: spec.warning)
        }, render: render)
    }
}
