import Bridge
import Foundation
import QBSimulator
import QBXML
import Domain
import Store
import Testing
import QBBridgeTesting

/// QuickBooks' business-rule refusals of a payment, end to end (issue 22, item 7). The simulated company cannot
/// provoke them by itself: a received payment lowers a customer's balance, so QuickBooks never applies a credit
/// limit to it, and the simulator has no subscriptions or user rights. QuickBooks' answer is scripted; what is
/// under test is the bridge's side: one round trip for the post, no invoice read again, and a record in the
/// category with the customer's name and the steps.
@Suite("Business-rule refusals end to end: credit limit, subscription, authorization", .tagFilter)
struct BusinessRuleRefusalEndToEndTests {
    /// A refusal, its category and words its title must contain (the customer's name is filled in per test).
    struct Refusal: Sendable, CustomTestStringConvertible {
        var status: QBXMLStatus
        /// The category's API value (BridgeTests reads categories through the records, as the API does).
        var category: String
        var titleHas: String
        var stepHas: String
        var testDescription: String { "\(status.code) → \(category)" }
    }

    static let refusals = [
        Refusal(status: QBXMLStatus(code: 3180, severity: "Error",
                                    message: "There was an error when saving a Receive Payment.  QuickBooks error message: The credit limit for the name on this transaction has been exceeded."),
                category: "credit_limit_exceeded", titleHas: "credit limit of", stepHas: "Credit Limit"),
        Refusal(status: QBXMLStatus(code: 3262, severity: "Error",
                                    message: "This feature requires a subscription to an Intuit service that is not active for this company file."),
                category: "subscription_required", titleHas: "subscription", stepHas: "activate or renew it"),
        Refusal(status: QBXMLStatus(code: 3220, severity: "Error",
                                    message: "The user is not authorized to perform this action in QuickBooks."),
                category: "permission_denied", titleHas: "may not do this", stepHas: "Company → Users"),
    ]

    @Test("a payment QuickBooks refuses by a business rule fails in its own category after one post, naming the customer, with nothing posted",
          arguments: refusals)
    func refusedPayment(_ refusal: Refusal) async throws {
        try await withRunningBridge { bridge async throws in
            let quickBooks = try FakeQuickBooks.generated(customers: 5, invoices: 30, seed: 31)
            let lab = try await PaymentLab.make(bridge, quickBooks: quickBooks)
            let (job, open) = try await lab.payOpenInvoice("refused-\(refusal.status.code)")
            let customer = try lab.customer(of: open.invoice)
            await quickBooks.answerNext("ReceivePaymentAddRq", with: refusal.status)
            let paymentsBefore = await quickBooks.payments().count

            let report = try #require(await lab.sync(maxSessions: 1).first)
            #expect(report.roundTrips == 3, "company-file check, preflight, post: no invoice is read again")
            #expect(try await lab.job(job).status == .failed)
            let failure = try #require(try await lab.failure(job))
            #expect(failure.category.rawValue == refusal.category)
            #expect(failure.statusCode == refusal.status.code)
            #expect(failure.title.contains(refusal.titleHas), "\(failure.title)")
            #expect(failure.resolution.contains { $0.contains(refusal.stepHas) }, "\(failure.resolution)")
            #expect(failure.evidence.customerName == customer)
            #expect(failure.actions.contains(.retry) && failure.actions.contains(.dismiss))
            #expect(!failure.autoRecheck, "a rule changes only when a person decides so")
            #expect(await quickBooks.payments().count == paymentsBefore)
            #expect(await quickBooks.invoice(open.txnID)?.balanceRemaining == open.balance)
        }
    }
}
