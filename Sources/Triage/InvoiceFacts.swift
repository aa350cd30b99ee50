/// The invoice and payment a text is about, gathered once from the job and the check query.
struct InvoiceFacts: Equatable {
    /// The invoice number, if known.
    var refNumber: String?
    /// The invoice TxnID, if known.
    var txnID: String?
    /// The customer's name, if QuickBooks or the job gave one (never a bare ListID: texts name, evidence identifies).
    var customerName: String?
    /// The amount the payment applies to the invoice, if known.
    var amount: Amount?

    /// Facts from a preflight evidence record.
    init(_ evidence: PreflightEvidence) {
        refNumber = evidence.invoice?.refNumber ?? evidence.expectedRefNumber
        txnID = evidence.invoiceTxnID
        customerName = evidence.invoice?.customer?.readableName ?? evidence.paymentCustomer?.readableName
        amount = evidence.amountToApply
    }

    /// Facts from the job's application and customer, when there is no check result.
    init(application: AppliedInvoice?, txnID: String?, customer: ListReference?) {
        refNumber = application?.refNumber
        self.txnID = application?.txnID ?? txnID
        customerName = customer?.readableName
        amount = application?.amount
    }

    /// "invoice 1043".
    var invoice: String {
        Phrase.invoice(refNumber, txnID: txnID)
    }

    /// "Invoice 1043".
    var capitalizedInvoice: String {
        Phrase.sentenceCase(invoice)
    }

    /// "invoice 1043 for Acme Supply".
    var invoiceForCustomer: String {
        customerName.map { "\(invoice) for \($0)" } ?? invoice
    }

    /// "$1,500.00", or "the payment's amount".
    var amountText: String {
        amount?.displayText ?? "the payment's amount"
    }
}
