import QBXML

/// Routes one request to its handler and turns a thrown status into the answer.
extension CompanyFile {
    mutating func process(_ request: ParsedRequest) -> RequestOutcome {
        do {
            switch request.name {
            case "HostQueryRq": return single(request) { $0.renderHost(options: $1, into: &$2) }
            case "CompanyQueryRq": return single(request) { $0.renderCompany(options: $1, into: &$2) }
            case "PreferencesQueryRq": return single(request) { $0.renderPreferences(options: $1, into: &$2) }
            case "CustomerQueryRq": return try customerQuery(request)
            case "InvoiceQueryRq": return try invoiceQuery(request)
            case "CreditMemoQueryRq": return try creditMemoQuery(request)
            case "ReceivePaymentQueryRq": return try receivePaymentQuery(request)
            case "ReceivePaymentAddRq": return try receivePaymentAdd(request)
            case "ReceivePaymentModRq": return try receivePaymentMod(request)
            case "TxnDelRq": return try txnDel(request)
            case "CustomerAddRq": return try customerAdd(request)
            default: return RequestOutcome(status: .notSupported)
            }
        } catch {
            return RequestOutcome(status: error.status)
        }
    }

    private func single(_ request: ParsedRequest, _ render: (CompanyFile, RetOptions, inout XMLOut) -> Void) -> RequestOutcome {
        var out = XMLOut()
        render(self, RetOptions(request: request), &out)
        return RequestOutcome(status: .ok, body: out.text)
    }

    /// The HCP response QBWC passes to the first `sendRequestXML`: Host, Company (with the data
    /// extensions of `ownerID`) and Preferences, requestIDs 0, 1, 2 (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
    func hcpResponse(ownerID: String?) -> String {
        guard let version = QBXMLVersion(facts.maxQBXMLVersion) ?? QBXMLVersion("13.0") else { return "" }
        let requests = [
            RequestElement(name: "HostQueryRq", attributes: [.init(name: "requestID", value: "0")]),
            RequestElement(name: "CompanyQueryRq", attributes: [.init(name: "requestID", value: "1")],
                           children: ownerID.map { [RequestElement(name: "OwnerID", text: $0)] } ?? []),
            RequestElement(name: "PreferencesQueryRq", attributes: [.init(name: "requestID", value: "2")]),
        ]
        var document = Self.responsePrologue
        for element in requests {
            let request = ParsedRequest(element: element, version: version)
            var copy = self
            document += copy.process(request).rendered(for: request)
        }
        return document + Self.responseEpilogue
    }

    static let responsePrologue = "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n"
    static let responseEpilogue = "</QBXMLMsgsRs>\n</QBXML>\n"
}
