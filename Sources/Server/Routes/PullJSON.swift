import Bridge
import QBXML
import Store

/// A pull as the JSON API shows it: what it reads, how far it is, and its outcome.
struct PullJSON: Encodable {
    var id: String
    var companyId: String
    var kind: String?
    var status: String
    var openOnly: Bool?
    var fromDate: String?
    var modifiedSince: String?
    var incremental: Bool
    var pageSize: Int?
    var origin: String?
    var received: Int
    var stored: Int
    var pages: Int
    var restarts: Int
    var remaining: Int?
    var percent: Int?
    var removed: Int?
    var mode: String?
    var fromModified: String?
    var error: String?
    var createdAt: String
    var updatedAt: String

    init(_ job: Job) {
        let view = PullView(job)
        id = job.id.rawValue
        companyId = job.companyID.rawValue
        kind = view.payload?.kind.rawValue
        status = view.status
        openOnly = view.payload?.kind == .invoices ? view.payload?.openOnly : nil
        fromDate = view.payload?.fromDate
        modifiedSince = view.payload?.modifiedSince
        incremental = view.payload?.incremental ?? false
        pageSize = view.payload?.pageSize
        origin = view.payload?.origin
        received = view.progress.received
        stored = view.progress.stored
        pages = view.progress.pages
        restarts = view.progress.restarts
        remaining = view.progress.remaining
        percent = view.percent
        removed = view.outcome?.removed
        mode = view.outcome?.mode ?? (view.progress.started ? (view.progress.fromModified == nil ? "full" : "incremental") : nil)
        fromModified = view.outcome?.fromModified ?? view.progress.fromModified
        error = view.outcome?.error
        createdAt = job.createdAt.iso8601
        updatedAt = job.updatedAt.iso8601
    }
}

/// A stored invoice as JSON (money as decimal strings).
struct InvoiceJSON: Encodable {
    var txnId: String
    var refNumber: String?
    var customer: Ref
    var txnDate: String?
    var dueDate: String?
    var subtotal: String?
    var salesTax: String?
    var appliedAmount: String?
    var balance: String
    var isPaid: Bool
    var isOpen: Bool
    var memo: String?
    var editSequence: String?
    var timeModified: String?
    var pulledAt: String
    var pullId: String

    struct Ref: Encodable {
        var listId: String?
        var fullName: String?
    }

    init(_ invoice: StoredInvoice) {
        txnId = invoice.txnID
        refNumber = invoice.refNumber
        customer = Ref(listId: invoice.customerListID, fullName: invoice.customerName)
        txnDate = invoice.txnDate
        dueDate = invoice.dueDate
        subtotal = invoice.subtotalCents.map(Self.money)
        salesTax = invoice.taxCents.map(Self.money)
        appliedAmount = invoice.appliedCents.map(Self.money)
        balance = Self.money(invoice.balanceCents)
        isPaid = invoice.isPaid
        isOpen = invoice.isOpen
        memo = invoice.memo
        editSequence = invoice.editSequence
        timeModified = invoice.timeModified
        pulledAt = invoice.pulledAt.iso8601
        pullId = invoice.pullID.rawValue
    }

    static func money(_ cents: Int64) -> String {
        (Money(cents: cents) ?? .zero).description
    }
}

/// A stored customer as JSON.
struct CustomerJSON: Encodable {
    var listId: String
    var name: String?
    var fullName: String?
    var companyName: String?
    var email: String?
    var phone: String?
    var isActive: Bool
    var balance: String?
    var totalBalance: String?
    var editSequence: String?
    var timeModified: String?
    var pulledAt: String

    init(_ customer: StoredCustomer) {
        listId = customer.listID
        name = customer.name
        fullName = customer.fullName
        companyName = customer.companyName
        email = customer.email
        phone = customer.phone
        isActive = customer.isActive
        balance = customer.balanceCents.map(InvoiceJSON.money)
        totalBalance = customer.totalBalanceCents.map(InvoiceJSON.money)
        editSequence = customer.editSequence
        timeModified = customer.timeModified
        pulledAt = customer.pulledAt.iso8601
    }
}

/// A customer mapping as JSON.
struct MappingJSON: Encodable {
    var externalId: String
    var listId: String
    var fullName: String?
    var source: String
    var matchedBy: String?
    var createdAt: String
    var updatedAt: String

    init(_ mapping: CustomerMapping) {
        externalId = mapping.externalID
        listId = mapping.listID
        fullName = mapping.fullName
        source = mapping.source.rawValue
        matchedBy = mapping.matchedBy
        createdAt = mapping.createdAt.iso8601
        updatedAt = mapping.updatedAt.iso8601
    }
}

/// A raw request and QuickBooks' answer as JSON.
struct RawRequestJSON: Encodable {
    var id: String
    var companyId: String
    var externalId: String?
    var status: String
    var element: String?
    var requestId: String?
    var minimumVersion: String?
    var qbxml: String?
    var response: Answer?
    var failure: FailureJSON?
    var attempts: Int
    var createdAt: String
    var updatedAt: String

    struct Answer: Encodable {
        var statusCode: Int?
        var statusSeverity: String?
        var statusMessage: String?
        var qbxml: String?
        var error: String?
    }

    init(_ job: Job, failure: FailureRecord?) {
        let view = RawRequestView(job)
        id = job.id.rawValue
        companyId = job.companyID.rawValue
        externalId = job.externalID
        status = view.status
        element = view.element
        requestId = view.requestID
        minimumVersion = view.minimumVersion
        qbxml = view.xml
        response = view.answer.map {
            Answer(statusCode: $0.statusCode, statusSeverity: $0.statusSeverity, statusMessage: $0.statusMessage, qbxml: $0.response, error: $0.error)
        }
        self.failure = failure.map(FailureJSON.init)
        attempts = job.attempts
        createdAt = job.createdAt.iso8601
        updatedAt = job.updatedAt.iso8601
    }
}

/// The deposit report as JSON.
struct DepositReportJSON: Encodable {
    var companyId: String
    var from: String
    var to: String
    var settings: DepositSettings
    var deposits: [Deposit]
    var totals: Totals

    struct Deposit: Encodable {
        var channel: String
        var batchDate: String
        var expectedDate: String
        var latestDate: String
        var count: Int
        var total: String
        var payments: [Payment]
    }

    struct Payment: Encodable {
        var id: String
        var externalId: String
        var txnId: String?
        var refNumber: String?
        var customer: String?
        var amount: String
        var paymentMethod: String?
        var date: String
        var depositToAccount: String?
    }

    struct Totals: Encodable {
        var card: String
        var ach: String
        var other: String
        var all: String
        var deposits: Int
        var payments: Int
    }

    init(_ report: DepositReport, companyID: CompanyID) {
        companyId = companyID.rawValue
        from = report.from.description
        to = report.to.description
        settings = report.settings
        deposits = report.deposits.map { deposit in
            Deposit(channel: deposit.channel.rawValue, batchDate: deposit.batchDate.description, expectedDate: deposit.expectedDate.description,
                    latestDate: deposit.latestDate.description, count: deposit.payments.count, total: deposit.total.description,
                    payments: deposit.payments.map {
                        Payment(id: $0.id, externalId: $0.externalId, txnId: $0.txnId, refNumber: $0.refNumber, customer: $0.customer,
                                amount: $0.amount.description, paymentMethod: $0.paymentMethod, date: $0.date.description,
                                depositToAccount: $0.depositToAccount)
                    })
        }
        totals = Totals(card: report.total(.card).description, ach: report.total(.ach).description, other: report.total(.other).description,
                        all: report.total().description, deposits: report.deposits.count,
                        payments: report.deposits.reduce(0) { $0 + $1.payments.count })
    }
}
