import QBXML

/// Resolving `…Ref` aggregates of a write request the way QuickBooks does (docs/qbxml-messages.md, "Shared parts":
/// ListID wins over FullName): an unknown ListID or name is 3140 naming the object type, the ListID or
/// name, and the transaction (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on").
extension CompanyFile {
    /// How QuickBooks names the payment transaction in 3140 messages.
    static let receivePaymentLabel = "Receive Payment"

    func resolveCustomer(_ ref: RequestElement?) throws(StatusFailure) -> SimCustomer {
        try resolve(ref, type: "Customer", byID: { customers[$0] }, byName: { customer(named: $0) })
    }

    func resolveAccount(_ ref: RequestElement) throws(StatusFailure) -> SimAccount {
        try resolve(ref, type: "Account", byID: { accounts[$0] }, byName: { account(named: $0) })
    }

    func resolvePaymentMethod(_ ref: RequestElement) throws(StatusFailure) -> SimPaymentMethod {
        try resolve(ref, type: "Payment Method", byID: { paymentMethods[$0] }, byName: { paymentMethod(named: $0) })
    }

    private func resolve<Record>(_ ref: RequestElement?, type: String, byID: (ListID) -> Record?,
                                 byName: (String) -> Record?) throws(StatusFailure) -> Record {
        if let id = ref?.value("ListID"), !id.isEmpty {
            // QuickBooks words a dead ListID in a transaction's reference like a dead name (3140, quoting the
            // ListID), not as the 3120 of a query: e.g. a customer merged away, whose ListID stopped existing.
            guard let record = byID(ListID(id)) else {
                throw StatusFailure(.invalidReference(type, id, in: Self.receivePaymentLabel))
            }
            return record
        }
        let name = ref?.value("FullName") ?? ""
        guard let record = byName(name) else {
            throw StatusFailure(.invalidReference(type, name, in: Self.receivePaymentLabel))
        }
        return record
    }
}
