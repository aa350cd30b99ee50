/// The words of a failure record: headline, explanation and steps, written for a bookkeeper.
struct FailureText: Equatable {
    /// One line naming what is wrong and with what.
    var title: String
    /// What happened, with the concrete names, numbers, amounts and dates.
    var summary: String
    /// Ordered steps in QuickBooks and in QBBridge.
    var resolution: [String]
}
