import QBXML

/// The `…Ret` aggregates, with children in qbXML's schema order (docs/qbxml-messages.md, "QuickBooks behaviour
/// QBBridge relies on": QuickBooks writes them in schema order; a reader that depends on order must meet the real one).
extension CompanyFile {
    func render(customer: SimCustomer, balances: [ListID: Money], options: RetOptions, into out: inout XMLOut) {
        out.openRet("CustomerRet", includeOnly: options.includeRetElements)
        out.leaf("ListID", customer.listID.rawValue)
        out.leaf("TimeCreated", customer.created.dateTime.raw)
        out.leaf("TimeModified", customer.modified.dateTime.raw)
        out.leaf("EditSequence", customer.editSequence)
        out.leaf("Name", customer.name)
        out.leaf("FullName", customer.fullName)
        out.leaf("IsActive", customer.isActive)
        if let parent = customer.parent {
            out.ref("ParentRef", listID: parent.rawValue, fullName: customers[parent]?.fullName)
        }
        out.leaf("Sublevel", String(customer.sublevel))
        out.leaf("CompanyName", customer.companyName)
        out.open("BillAddress")
        out.leaf("Addr1", customer.companyName ?? customer.name)
        out.close("BillAddress")
        out.leaf("Phone", customer.phone)
        out.leaf("Email", customer.email)
        let own = balances[customer.listID] ?? .zero
        let total = Money.total([own] + descendants(of: customer.listID).map { balances[$0] ?? .zero })
        out.leaf("Balance", own)
        out.leaf("TotalBalance", total)
        out.leaf("JobStatus", "None")
        out.close("CustomerRet")
    }

    func render(invoice: SimInvoice, options: RetOptions, into out: inout XMLOut) {
        out.openRet("InvoiceRet", includeOnly: options.includeRetElements)
        out.leaf("TxnID", invoice.txnID.rawValue)
        out.leaf("TimeCreated", invoice.created.dateTime.raw)
        out.leaf("TimeModified", invoice.modified.dateTime.raw)
        out.leaf("EditSequence", invoice.editSequence)
        out.leaf("TxnNumber", String(invoice.txnNumber))
        out.ref("CustomerRef", listID: invoice.customer.rawValue, fullName: customers[invoice.customer]?.fullName)
        out.ref("ARAccountRef", listID: invoice.arAccount.rawValue, fullName: accounts[invoice.arAccount]?.fullName)
        out.leaf("TxnDate", invoice.txnDate)
        out.leaf("RefNumber", invoice.refNumber)
        if let customer = customers[invoice.customer] {
            out.open("BillAddress")
            out.leaf("Addr1", customer.companyName ?? customer.name)
            out.close("BillAddress")
        }
        out.leaf("IsPending", false)
        out.leaf("IsFinanceCharge", false)
        out.leaf("PONumber", invoice.poNumber)
        out.ref("TermsRef", listID: nil, fullName: invoice.terms)
        out.leaf("DueDate", invoice.dueDate)
        out.leaf("Subtotal", invoice.subtotal)
        out.leaf("SalesTaxTotal", invoice.salesTaxTotal)
        out.leaf("AppliedAmount", invoice.applied.negated)
        out.leaf("BalanceRemaining", invoice.balanceRemaining)
        out.leaf("Memo", invoice.memo)
        out.leaf("IsPaid", invoice.isPaid)
        out.leaf("IsToBePrinted", false)
        out.leaf("IsToBeEmailed", false)
        if options.includeLinkedTxns {
            for link in invoice.links { render(link: link, into: &out) }
        }
        if options.includeLineItems {
            for line in invoice.lines { render(line: line, element: "InvoiceLineRet", into: &out) }
        }
        out.close("InvoiceRet")
    }

    func render(creditMemo memo: SimCreditMemo, options: RetOptions, into out: inout XMLOut) {
        out.openRet("CreditMemoRet", includeOnly: options.includeRetElements)
        out.leaf("TxnID", memo.txnID.rawValue)
        out.leaf("TimeCreated", memo.created.dateTime.raw)
        out.leaf("TimeModified", memo.modified.dateTime.raw)
        out.leaf("EditSequence", memo.editSequence)
        out.leaf("TxnNumber", String(memo.txnNumber))
        out.ref("CustomerRef", listID: memo.customer.rawValue, fullName: customers[memo.customer]?.fullName)
        out.ref("ARAccountRef", listID: memo.arAccount.rawValue, fullName: accounts[memo.arAccount]?.fullName)
        out.leaf("TxnDate", memo.txnDate)
        out.leaf("RefNumber", memo.refNumber)
        out.leaf("IsPending", false)
        out.leaf("Subtotal", memo.subtotal)
        out.leaf("SalesTaxTotal", memo.salesTaxTotal)
        out.leaf("TotalAmount", memo.total)
        out.leaf("CreditRemaining", memo.creditRemaining)
        out.leaf("Memo", memo.memo)
        out.leaf("IsToBePrinted", false)
        out.leaf("IsToBeEmailed", false)
        if options.includeLinkedTxns {
            for application in memo.applications {
                let invoice = invoices[application.invoice]
                out.open("LinkedTxn")
                out.leaf("TxnID", application.invoice.rawValue)
                out.leaf("TxnType", "Invoice")
                out.leaf("TxnDate", invoice?.txnDate ?? application.txnDate)
                out.leaf("RefNumber", invoice?.refNumber)
                out.leaf("LinkType", "AMTTYPE")
                out.leaf("Amount", application.amount.negated)
                out.close("LinkedTxn")
            }
        }
        if options.includeLineItems {
            for line in memo.lines { render(line: line, element: "CreditMemoLineRet", into: &out) }
        }
        out.close("CreditMemoRet")
    }

    /// `ReceivePaymentRet`; `AppliedToTxnRet`s only with `includeLineItems` (always on an Add's reply).
    func render(payment: SimPayment, options: RetOptions, into out: inout XMLOut) {
        out.openRet("ReceivePaymentRet", includeOnly: options.includeRetElements)
        out.leaf("TxnID", payment.txnID.rawValue)
        out.leaf("TimeCreated", payment.created.dateTime.raw)
        out.leaf("TimeModified", payment.modified.dateTime.raw)
        out.leaf("EditSequence", payment.editSequence)
        out.leaf("TxnNumber", String(payment.txnNumber))
        out.ref("CustomerRef", listID: payment.customer.rawValue, fullName: customers[payment.customer]?.fullName)
        out.ref("ARAccountRef", listID: payment.arAccount.rawValue, fullName: accounts[payment.arAccount]?.fullName)
        out.leaf("TxnDate", payment.txnDate)
        out.leaf("RefNumber", payment.refNumber)
        out.leaf("TotalAmount", payment.totalAmount)
        if let method = payment.paymentMethod {
            out.ref("PaymentMethodRef", listID: method.rawValue, fullName: paymentMethods[method]?.name)
        }
        out.leaf("Memo", payment.memo)
        if let deposit = payment.depositTo {
            out.ref("DepositToAccountRef", listID: deposit.rawValue, fullName: accounts[deposit]?.fullName)
        }
        out.leaf("UnusedPayment", payment.unusedPayment)
        out.leaf("UnusedCredits", Money.zero)
        if options.version >= QBXMLVersion(major: 9, minor: 0) {
            out.leaf("ExternalGUID", payment.externalGUID)
        }
        if options.includeLineItems {
            for application in payment.applications where application.amount.isPositive || application.discount.isPositive {
                render(application: application, of: payment, version: options.version, into: &out)
            }
        }
        out.close("ReceivePaymentRet")
    }

    private func render(application: SimPaymentApplication, of payment: SimPayment, version: QBXMLVersion, into out: inout XMLOut) {
        let invoice = invoices[application.invoice]
        out.open("AppliedToTxnRet")
        out.leaf("TxnID", application.invoice.rawValue)
        out.leaf("TxnType", "Invoice")
        out.leaf("TxnDate", invoice?.txnDate)
        out.leaf("RefNumber", invoice?.refNumber)
        out.leaf("BalanceRemaining", invoice?.balanceRemaining)
        out.leaf("Amount", application.amount)
        if application.discount.isPositive { out.leaf("DiscountAmount", application.discount) }
        if version >= QBXMLVersion(major: 10, minor: 0), let invoice {
            for link in invoice.links where !(link.kind == .payment && link.txnID == payment.txnID) {
                render(link: link, into: &out)
            }
        }
        out.close("AppliedToTxnRet")
    }

    private func render(link: SimLink, into out: inout XMLOut) {
        out.open("LinkedTxn")
        out.leaf("TxnID", link.txnID.rawValue)
        out.leaf("TxnType", link.kind.rawValue)
        out.leaf("TxnDate", link.txnDate)
        out.leaf("RefNumber", link.refNumber)
        out.leaf("LinkType", "AMTTYPE")
        out.leaf("Amount", link.amount.adding(amount: link.discount).negated)
        out.close("LinkedTxn")
    }

    private func render(line: SimLine, element: String, into out: inout XMLOut) {
        out.open(element)
        out.leaf("TxnLineID", line.txnLineID)
        out.ref("ItemRef", listID: nil, fullName: line.item)
        out.leaf("Desc", line.desc)
        out.leaf("Quantity", line.quantity?.description)
        out.leaf("Rate", line.rate?.description)
        out.leaf("Amount", line.amount)
        out.close(element)
    }
}
