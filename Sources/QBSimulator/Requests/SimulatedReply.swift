/// What the simulated QuickBooks returns for one request document: a qbXML response document, or a
/// processor failure that the Web Connector reports through `receiveResponseXML`'s `hresult` and
/// `message` with an empty `response` (docs/web-connector-protocol.md, "Methods", receiveResponseXML).
public enum SimulatedReply: Sendable, Hashable {
    /// A qbXML response document (`<QBXML><QBXMLMsgsRs>…`).
    case response(String)
    /// The whole document was refused.
    case processorError(ProcessorError)

    /// The response document, nil for a processor failure.
    public var responseXML: String? {
        if case .response(let xml) = self { return xml }
        return nil
    }

    /// The processor failure, nil for a response.
    public var processorError: ProcessorError? {
        if case .processorError(let error) = self { return error }
        return nil
    }
}
