import QBXML

/// A request document as QuickBooks' request processor accepts or refuses it as a whole
/// (docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on"): the `<?qbxml version?>` must be one this QuickBooks supports
/// (else 0x80040423), the XML must be well-formed and in schema order (else 0x80040400).
struct RequestDocument: Sendable {
    /// The requests QuickBooks' schema defines and the simulator answers (docs/qbxml-messages.md, "Requests QBBridge sends").
    static let schemaRequests: Set<String> = [
        "HostQueryRq", "CompanyQueryRq", "PreferencesQueryRq", "CustomerQueryRq", "InvoiceQueryRq",
        "CreditMemoQueryRq", "ReceivePaymentQueryRq", "ReceivePaymentAddRq", "ReceivePaymentModRq", "TxnDelRq",
    ]

    let version: QBXMLVersion
    /// `stopOnError`, `continueOnError` or `rollbackOnError` (treated like stopOnError: Desktop does
    /// not roll back, docs/qbxml-messages.md, "QuickBooks behaviour QBBridge relies on").
    let onError: String
    let requests: [ParsedRequest]

    /// Reads and checks a document against what this QuickBooks supports.
    static func read(_ text: String, supportedVersions: [String]) -> Result<RequestDocument, ProcessorError> {
        guard let declared = versionInstruction(in: text) else { return .failure(.parseError) }
        guard let version = accepted(declared, supported: supportedVersions) else { return .failure(.unsupportedVersion) }
        let root: RequestElement
        do {
            root = try RequestElement.parse(text)
        } catch {
            return .failure(.parseError)
        }
        guard root.name == "QBXML", let messages = root.child("QBXMLMsgsRq") else { return .failure(.parseError) }
        let unknown = messages.children.filter { !schemaRequests.contains($0.name) }
        // QuickBooks' parser knows every request qbXML defines and refuses the whole set for any other element,
        // or for an Add or Mod without its aggregate (the checks QBBridge makes on raw requests too). Requests
        // it defines but the simulator does not model are answered 1030 one by one; CustomerAdd is modelled
        // beyond the simulator's schema with the fields it reads (a Name, required).
        for element in unknown {
            // A request newer than the document's <?qbxml version?> is as unknown to that version's parser.
            guard let introduced = QBXMLRequestTypes.introduced(element.name), introduced <= version else { return .failure(.parseError) }
            if let aggregate = QBXMLRequestTypes.requiredAggregate(of: element.name), element.child(aggregate) == nil {
                return .failure(.parseError)
            }
            if element.name == "CustomerAddRq", element.child("CustomerAdd")?.value("Name")?.isEmpty ?? true {
                return .failure(.parseError)
            }
        }
        let checked: String
        if unknown.isEmpty {
            checked = text
        } else {
            var kept = root
            if let index = kept.children.firstIndex(where: { $0.name == "QBXMLMsgsRq" }) {
                kept.children[index].children.removeAll { !schemaRequests.contains($0.name) }
            }
            checked = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + kept.xml
        }
        do {
            try QBXMLSchemaValidator.shared.validate(checked)
        } catch {
            return .failure(.parseError)
        }
        return .success(RequestDocument(
            version: version,
            onError: messages.attribute("onError") ?? "stopOnError",
            requests: messages.children.map { ParsedRequest(element: $0, version: version) }
        ))
    }

    /// The value of `<?qbxml version="…"?>` in the prolog, nil when there is none.
    static func versionInstruction(in text: String) -> String? {
        guard let start = text.range(of: "<?qbxml"),
              let end = text.range(of: "?>", range: start.upperBound..<text.endIndex) else { return nil }
        let body = text[start.upperBound..<end.lowerBound]
        guard let key = body.range(of: "version") else { return nil }
        let rest = body[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value)
    }

    /// The version when it is one of the supported ones. A country prefix (`CA13.0`) must be this
    /// edition's; an unprefixed number is matched against the numbers of the list.
    static func accepted(_ declared: String, supported: [String]) -> QBXMLVersion? {
        let prefix = String(declared.prefix { $0.isLetter })
        guard let version = QBXMLVersion(String(declared.dropFirst(prefix.count))) else { return nil }
        let matches = supported.contains { entry in
            let entryPrefix = String(entry.prefix { $0.isLetter })
            guard prefix.isEmpty || prefix.uppercased() == entryPrefix.uppercased() else { return false }
            return QBXMLVersion(String(entry.dropFirst(entryPrefix.count))) == version
        }
        return matches ? version : nil
    }
}
