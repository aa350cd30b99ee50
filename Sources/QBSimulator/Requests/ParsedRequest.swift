public import QBXML

/// One `…Rq` of a request document as the simulated QuickBooks is about to process it.
///
/// Handed to the `beforeApplying` hook so a test can act "between check and post" (for example pay
/// the invoice by hand after the bridge's pre-flight query and before its `ReceivePaymentAdd`), and
/// recorded so tests can assert what the bridge sent.
public struct ParsedRequest: Sendable, Hashable {
    /// The request element, e.g. `ReceivePaymentAddRq`.
    public var element: RequestElement
    /// The `<?qbxml version?>` of the document it came in.
    public var version: QBXMLVersion

    /// A request.
    public init(element: RequestElement, version: QBXMLVersion) {
        self.element = element
        self.version = version
    }

    /// The request type, e.g. `ReceivePaymentAddRq`.
    public var name: String { element.name }

    /// The `requestID` attribute, echoed on the response.
    public var requestID: String? { element.attribute("requestID") }

    /// The response element's name: `ReceivePaymentAddRq` → `ReceivePaymentAddRs`.
    public var responseName: String {
        name.hasSuffix("Rq") ? String(name.dropLast(2)) + "Rs" : name + "Rs"
    }

    /// True for requests that change the company file (adds, mods, deletes).
    public var isWrite: Bool {
        name.hasSuffix("AddRq") || name.hasSuffix("ModRq") || name == "TxnDelRq"
    }

    /// For a `ReceivePaymentAddRq`: the invoices it applies to, in order.
    public var appliedTxnIDs: [TxnID] {
        (element.child("ReceivePaymentAdd") ?? element.child("ReceivePaymentMod"))?
            .children.filter { $0.name == "AppliedToTxnAdd" || $0.name == "AppliedToTxnMod" }
            .compactMap { $0.value("TxnID") }
            .map { TxnID($0) } ?? []
    }

    /// For a `ReceivePaymentAddRq`: the `ExternalGUID` it carries.
    public var externalGUID: String? {
        element.child("ReceivePaymentAdd")?.value("ExternalGUID")
    }
}
