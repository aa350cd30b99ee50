import QBXML

/// Builds a large, realistic company from a seed (the same seed gives the same company), for tests and
/// benchmarks that need thousands of invoices: invoices spread over the year before `asOf`, about a third
/// paid, some partly paid, a few reduced by credit memos.
struct CompanyGenerator {
    let customerCount: Int
    let invoiceCount: Int
    let seed: UInt64
    let asOf: QBDate

    private static let firstWords = [
        "Harbor", "Summit", "Pioneer", "Cedar", "Granite", "Maple", "Riverside", "Northwind", "Bluebird", "Ironwood",
        "Lakeside", "Redwood", "Sterling", "Oakridge", "Silverline", "Westfield", "Brightwater", "Evergreen", "Highland", "Copper",
    ]
    private static let secondWords = [
        "Construction", "Dental", "Bakery", "Logistics", "Landscaping", "Plumbing", "Veterinary", "Design", "Auto Repair",
        "Roofing", "Consulting", "Catering", "Electric", "Fitness", "Printing", "Realty",
    ]
    private static let items = [
        ("Service Call", "150.00"), ("Labor", "85.00"), ("Materials", "42.50"), ("Inspection", "120.00"),
        ("Maintenance Plan", "299.00"), ("Parts", "18.75"), ("Consultation", "200.00"), ("Delivery", "35.00"),
    ]

    func build(into file: inout CompanyFile) throws(FakeQuickBooksError) {
        var random = SeededRandom(seed: seed)
        let start = asOf.adding(days: -365)
        var stamp = file.clock.stamp(date: start.adding(days: -30), hour: 8)
        for (name, type) in [("Accounts Receivable", "AccountsReceivable"), ("Undeposited Funds", "OtherCurrentAsset"), ("Checking", "Bank")] {
            _ = try file.addAccount(name: name, type: type, at: stamp)
        }
        var methods: [ListID] = []
        for (name, type) in [("Check", "Check"), ("Visa", "Visa"), ("ACH", "ECheck")] {
            methods.append(try file.addPaymentMethod(name: name, type: type, at: stamp))
        }
        guard let arAccount = file.defaultARAccount?.listID else { throw .noSuchAccount("Accounts Receivable") }
        var customers: [ListID] = []
        for index in 0..<max(1, customerCount) {
            let company = Self.firstWords[random.next(below: Self.firstWords.count)] + " "
                + Self.secondWords[random.next(below: Self.secondWords.count)]
            let name = "\(company) \(String(format4: index + 1))"
            stamp = file.clock.stamp(epoch: stamp.epoch + 60)
            let slug = company.lowercased().filter { $0.isLetter }
            customers.append(try file.addCustomer(name: name, companyName: company, email: "ap@\(slug)\(index + 1).example",
                                                  phone: "555-\(String(format4: random.next(below: 10_000)))", at: stamp))
        }
        let dates = (0..<invoiceCount).map { _ in start.adding(days: random.next(below: 365)) }.sorted()
        for (index, date) in dates.enumerated() {
            let customer = customers[random.next(below: customers.count)]
            var lines: [(item: String?, desc: String?, quantity: QBDecimal?, rate: QBDecimal?, amount: Money)] = []
            for _ in 0..<random.next(in: 1...3) {
                let (item, rateText) = Self.items[random.next(below: Self.items.count)]
                let quantity = random.next(in: 1...8)
                let rate = Money(rateText) ?? .zero
                lines.append((item, item, QBDecimal(String(quantity)), QBDecimal(rateText), .simulated(cents: rate.cents * Int64(quantity))))
            }
            let subtotal = lines.reduce(Int64(0)) { $0 + $1.amount.cents }
            let tax: Money = random.chance(0.4) ? .simulated(cents: (subtotal * 825 + 5_000) / 10_000) : .zero
            let created = file.clock.stamp(epoch: file.clock.stamp(date: date, hour: 9).epoch + Int64(index % 3_600))
            let id = file.addInvoice(customer: customer, arAccount: arAccount, txnDate: date, dueDate: date.adding(days: 30),
                                     refNumber: String(10_001 + index), memo: nil, lines: lines, salesTax: tax, terms: "Net 30", at: created)
            guard let invoice = file.invoices[id] else { continue }
            let roll = random.next(below: 100)
            let paidOn = date.adding(days: random.next(in: 3...40))
            guard paidOn <= asOf else { continue }
            let later = file.clock.stamp(epoch: file.clock.stamp(date: paidOn, hour: 14).epoch + Int64(index % 3_600))
            let method = methods[random.next(below: methods.count)]
            if roll < 30 {
                try file.seedPayment(customer: customer, txnDate: paidOn, refNumber: String(5_000 + index), totalAmount: nil,
                                     paymentMethod: method, depositTo: nil, memo: nil,
                                     applications: [(id, invoice.balanceRemaining)], at: later)
            } else if roll < 40 {
                let part = Money.simulated(cents: invoice.balanceRemaining.cents / 2)
                try file.seedPayment(customer: customer, txnDate: paidOn, refNumber: String(5_000 + index), totalAmount: nil,
                                     paymentMethod: method, depositTo: nil, memo: nil, applications: [(id, part)], at: later)
            } else if roll < 43 {
                let credit = Money.simulated(cents: min(invoice.balanceRemaining.cents, 2_500))
                let memo = file.addCreditMemo(customer: customer, arAccount: arAccount, txnDate: paidOn, refNumber: "CM-\(index + 1)",
                                              memo: "Goodwill credit", amount: credit, item: "Discount", at: later)
                try file.seedCredit(memo: memo, invoice: id, amount: credit, at: later)
            }
        }
    }
}

private extension String {
    /// A zero-padded four-digit number (more digits when needed).
    init(format4 value: Int) {
        let text = String(value)
        self = text.count >= 4 ? text : String(repeating: "0", count: 4 - text.count) + text
    }
}
