import QBXML

/// The statuses the simulated QuickBooks answers with, worded as real QuickBooks words them (the templates in
/// docs/failure-catalogue.md, "Reading status messages"; two spaces between sentences, the
/// `QuickBooks error message:` part), so the bridge's
/// classifier meets the same text it will meet in production.
extension QBXMLStatus {
    /// 0: the request succeeded.
    static let ok = QBXMLStatus(code: 0, severity: "Info", message: "Status OK")

    /// 1: a query matched nothing (no final period, as captured).
    static let noMatch = QBXMLStatus(code: 1, severity: "Info", message: "A query request did not find a matching object in QuickBooks")

    /// 500: a query named something (FullName, RefNumber) that does not exist; the rest is returned.
    static func elementNotFound(_ value: String) -> QBXMLStatus {
        QBXMLStatus(code: 500, severity: "Warn",
                    message: "The query request has not been fully completed. There was a required element (\"\(value)\") that could not be found in QuickBooks.")
    }

    /// 1030: a request type this QuickBooks does not implement.
    static let notSupported = QBXMLStatus(code: 1030, severity: "Error", message: "This request is not supported by this implementation.")

    /// 3100: a list record's name is already used by another record of that list.
    static func nameInUse(_ name: String) -> QBXMLStatus {
        QBXMLStatus(code: 3100, severity: "Error", message: "The name \"\(name)\" of the list element is already in use.")
    }

    /// 3120: a ListID or TxnID that does not exist.
    static func objectNotFound(_ id: String) -> QBXMLStatus {
        QBXMLStatus(code: 3120, severity: "Error",
                    message: "Object \"\(id)\" specified in the request cannot be found.  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
    }

    /// 3140: a reference by name to a list object that does not exist, e.g. `Customer`, `Account`,
    /// `Payment Method`, inside a transaction type such as `Receive Payment`.
    static func invalidReference(_ objectType: String, _ name: String, in transaction: String) -> QBXMLStatus {
        QBXMLStatus(code: 3140, severity: "Error",
                    message: "There is an invalid reference to QuickBooks \(objectType) \"\(name)\" in the \(transaction).  QuickBooks error message: Invalid argument.  The specified record does not exist in the list.")
    }

    /// 3170: a list record (a customer) is being edited by another user.
    static func listLocked(_ objectType: String, _ name: String) -> QBXMLStatus {
        QBXMLStatus(code: 3170, severity: "Error",
                    message: "There was an error when modifying a \(objectType) named \"\(name)\".  QuickBooks error message: The transaction could not be locked.  It is in use by another user.")
    }

    /// 3171: a transaction dated on or before the company's closing date (`AccountingPreferences/ClosingDate`),
    /// in QuickBooks' words as captured from a real company file (for an invoice: "modify a Invoice";
    /// `transaction` is QuickBooks' name for the type, e.g. `Receive Payment`). The closing date password
    /// cannot be typed through the SDK, so QuickBooks refuses whether or not one is set.
    static func closedPeriod(_ transaction: String) -> QBXMLStatus {
        QBXMLStatus(code: 3171, severity: "Error",
                    message: "An attempt was made to modify a \(transaction) with a date that is on or before the closing date of the company.  If you are sure you really want to do this, please ask a user with Admin privileges to remove the password for editing transactions on or before to closing date (this setting is in the Accounting Company Preferences), then try again.")
    }

    /// 3175: a transaction is open in another user's window.
    static func transactionLocked(_ id: String) -> QBXMLStatus {
        QBXMLStatus(code: 3175, severity: "Error",
                    message: "There was an error adding, modifying or deleting \(id) because it is already in use.  QuickBooks error message: The transaction could not be locked.  It is in use by another user.")
    }

    /// 3200: a Mod carried an old EditSequence (trailing space as captured).
    static func editSequenceStale(_ sequence: String) -> QBXMLStatus {
        QBXMLStatus(code: 3200, severity: "Error", message: "The provided edit sequence \"\(sequence)\" is out-of-date. ")
    }

    /// 3210: more was applied to an invoice than it has open (also for a paid invoice).
    static func cannotPayMore(_ amount: Money) -> QBXMLStatus {
        QBXMLStatus(code: 3210, severity: "Error",
                    message: "The \"AppliedToTxnAdd payment amount\" field has an invalid value \"\(amount)\".  QuickBooks error message: You cannot pay more than the amount due.")
    }

    /// 3210 for the payment total. The QuickBooks wording for this case was never captured; this text
    /// follows the 3210 template and is the simulator's own.
    static func appliedMoreThanTotal(_ total: Money) -> QBXMLStatus {
        QBXMLStatus(code: 3210, severity: "Error",
                    message: "The \"total amount\" field has an invalid value \"\(total)\".  QuickBooks error message: The amount applied is greater than the amount of the payment.")
    }

    /// 3210 for a credit larger than what the memo has left (wording follows the 3210 template; not captured).
    static func creditTooLarge(_ amount: Money) -> QBXMLStatus {
        QBXMLStatus(code: 3210, severity: "Error",
                    message: "The \"SetCredit applied amount\" field has an invalid value \"\(amount)\".  QuickBooks error message: You cannot apply more credit than is available.")
    }

    /// 3231: skipped because an earlier request of a `stopOnError` set failed.
    static let notProcessed = QBXMLStatus(code: 3231, severity: "Error", message: "The request has not been processed.")

    /// 3391: an iterator that is unknown, finished, or from an earlier QuickBooks session.
    static func invalidIterator(_ id: String) -> QBXMLStatus {
        QBXMLStatus(code: 3391, severity: "Error", message: "The iteratorID \"\(id)\" is not valid.")
    }

    /// True for a failure that stops a `stopOnError` set (codes of severity Error, 1000 and up).
    var stopsMessageSet: Bool { code >= 1000 }
}
