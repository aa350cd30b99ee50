import QBXML

/// Resolving `…Ref` aggregates of a write request the way QuickBooks does (docs/qbxml-messages.md, "Shared parts":
/// ListID wins over FullName): an unknown ListID is 3120, an unknown name is 3140 naming the object
/// type and the transaction (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on").
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
            guard let record = byID(ListID(id)) else { throw StatusFailure(.objectNotFound(id)) }
            return record
        }
        let name = ref?.value("FullName") ?? ""
        guard let record = byName(name) else {
            throw StatusFailure(.invalidReference(type, name, in: Self.receivePaymentLabel))
        }
        return record
    }
}
