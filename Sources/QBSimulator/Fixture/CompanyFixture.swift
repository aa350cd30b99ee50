import Foundation
import QBXML

/// The JSON shape of a simulator fixture such as `Samples/simulator/acme-company.json`.
///
/// Records refer to each other by name (customers) and RefNumber (invoices), as a bookkeeper would;
/// IDs, time stamps and balances are produced by loading, so they are always consistent. Paid and
/// partly paid invoices come from the `payments` that pay them.
struct CompanyFixture: Decodable {
    struct Account: Decodable { var name: String; var type: String }
    struct PaymentMethod: Decodable { var name: String; var type: String }
    struct Customer: Decodable {
        var name: String
        var parent: String?
        var companyName: String?
        var email: String?
        var phone: String?
        var isActive: Bool?
        var created: QBDate?
    }
    struct Line: Decodable {
        var item: String?
        var desc: String?
        var quantity: QBDecimal?
        var rate: QBDecimal?
        var amount: Money?
    }
    struct Invoice: Decodable {
        var refNumber: String
        var customer: String
        var txnDate: QBDate
        var dueDate: QBDate?
        var terms: String?
        var memo: String?
        var poNumber: String?
        var salesTax: Money?
        var lines: [Line]
    }
    /// An application to an invoice named by its RefNumber.
    struct Application: Decodable { var invoice: String; var amount: Money }
    struct CreditMemo: Decodable {
        var refNumber: String
        var customer: String
        var txnDate: QBDate
        var amount: Money
        var item: String?
        var memo: String?
        var appliedTo: [Application]?
    }
    struct Payment: Decodable {
        var refNumber: String?
        var customer: String
        var txnDate: QBDate
        var totalAmount: Money?
        var paymentMethod: String?
        var depositTo: String?
        var memo: String?
        var appliedTo: [Application]
    }

    var company: CompanyFacts
    var accounts: [Account]?
    var paymentMethods: [PaymentMethod]?
    var customers: [Customer]
    var invoices: [Invoice]
    var creditMemos: [CreditMemo]?
    var payments: [Payment]?

    static func decode(_ data: Data, source: String) throws(FakeQuickBooksError) -> CompanyFixture {
        do {
            return try JSONDecoder().decode(CompanyFixture.self, from: data)
        } catch let error as DecodingError {
            throw .fixtureUnreadable(path: source, reason: Self.describe(error))
        } catch {
            throw .fixtureUnreadable(path: source, reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}

extension CompanyFixture.Line {
    /// The line amount: as written, or quantity × rate rounded to cents.
    func resolvedAmount() throws(FakeQuickBooksError) -> Money {
        if let amount { return amount }
        guard let quantity, let rate else {
            throw .fixtureInvalid("an invoice line needs an amount, or a quantity and a rate")
        }
        var product = quantity.decimalValue * rate.decimalValue
        var rounded = Decimal()
        NSDecimalRound(&rounded, &product, 2, .plain)
        guard let money = Money(exactly: rounded) else { throw .fixtureInvalid("the line amount \(rounded) is out of range") }
        return money
    }
}
