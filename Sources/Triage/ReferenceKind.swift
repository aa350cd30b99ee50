/// The kind of list entry a request refers to besides its customer and invoices.
///
/// Lets a 3120 ("Object … cannot be found") or 3140 ("invalid reference to QuickBooks Item …")
/// become a `reference_missing` that names the entry and where to find it in QuickBooks.
public enum ReferenceKind: String, Sendable, Codable, CaseIterable {
    /// An account from the chart of accounts, e.g. the deposit-to account.
    case account
    /// The Accounts Receivable account of a payment or invoice.
    case arAccount = "ar_account"
    /// A payment method such as "Check" or "Visa".
    case paymentMethod = "payment_method"
    /// An item on a transaction line.
    case item
    /// A class (class tracking).
    case `class`
    /// A form template.
    case template
    /// A sales tax code or sales tax item.
    case salesTax = "sales_tax"
    /// Any other list (terms, sales rep, ship method, …).
    case other

    /// Words for a sentence: "payment method", "A/R account".
    var label: String {
        switch self {
        case .account: "account"
        case .arAccount: "A/R account"
        case .paymentMethod: "payment method"
        case .item: "item"
        case .class: "class"
        case .template: "template"
        case .salesTax: "sales tax code"
        case .other: "list entry"
        }
    }

    /// Where a bookkeeper finds this list in QuickBooks Desktop.
    var quickBooksLocation: String {
        switch self {
        case .account, .arAccount: "Lists → Chart of Accounts"
        case .paymentMethod: "Lists → Customer & Vendor Profile Lists → Payment Method List"
        case .item: "Lists → Item List"
        case .class: "Lists → Class List"
        case .template: "Lists → Templates"
        case .salesTax: "Lists → Sales Tax Code List"
        case .other: "the Lists menu"
        }
    }

    /// Reads the object type QuickBooks names in a 3140 message ("Item", "AR Account", "PaymentMethod").
    init(quickBooksObjectType text: String) {
        let key = text.lowercased().filter { $0.isLetter }
        switch key {
        case "account": self = .account
        case "araccount", "accountsreceivable", "accountsreceivableaccount": self = .arAccount
        case "paymentmethod": self = .paymentMethod
        case "class": self = .class
        case "template": self = .template
        case "salestaxcode", "salestax", "itemsalestax", "salestaxitem": self = .salesTax
        default: self = key.hasPrefix("item") ? .item : .other
        }
    }
}
