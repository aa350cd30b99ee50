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
