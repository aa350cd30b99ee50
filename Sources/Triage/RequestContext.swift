/// One request status being classified: the input and what its message says.
struct RequestContext {
    /// The input as given.
    var input: RequestFailureInput
    /// The normalized message and its extracted facts.
    var message: StatusMessage

    /// Normalizes the message once.
    init(_ input: RequestFailureInput) {
        self.input = input
        message = StatusMessage(raw: input.statusMessage)
    }

    /// "payment", "customer update", …
    var requestNoun: String {
        Phrase.request(input.requestKind)
    }

    /// `“message”`, or a note that QuickBooks sent none.
    var quotedMessage: String {
        message.text.isEmpty ? "(QuickBooks sent no message)" : Phrase.quoted(message.text)
    }

    /// How a sentence names a record the message identifies only by ListID or TxnID, when the request knows
    /// its name or number: "invoice 1043", "the customer “Acme Supply”", "the payment method “Visa”". Nil when
    /// the request knows nothing more than the identifier (the identifier stays in the evidence either way).
    func readableName(of id: String) -> String? {
        if let application = input.applications.first(where: { $0.txnID == id }),
           let refNumber = application.refNumber, !refNumber.isEmpty {
            return "invoice \(refNumber)"
        }
        if let customer = input.customer, customer.listID == id, let name = customer.readableName {
            return "the customer \(Phrase.quoted(name))"
        }
        if let reference = input.references.first(where: { $0.reference.listID == id }),
           let name = reference.reference.readableName {
            return "the \(reference.kind.label) \(Phrase.quoted(name))"
        }
        return nil
    }

    /// Evidence every request failure carries: the request, severity and message facts.
    func baseEvidence(source: String = "request") -> FailureEvidence {
        var evidence = FailureEvidence()
        evidence.source = source
        evidence.requestKind = input.requestKind
        evidence.statusSeverity = input.statusSeverity
        evidence.message = message.text.isEmpty ? nil : message.text
        evidence.quickBooksMessage = message.quickBooksMessage
        evidence.objectID = message.objectID
        evidence.objectName = message.objectName
        evidence.objectType = message.objectType
        evidence.field = message.field
        evidence.value = message.value
        evidence.customerName = input.customer?.displayName
        return evidence
    }
}
