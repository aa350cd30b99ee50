import Bridge
import Store

/// A company as the JSON API shows it (design.md §6): never the password or its hash.
struct CompanyJSON: Encodable {
    var id: String
    var name: String
    var username: String
    var ownerId: String
    var fileId: String
    var runEveryMinutes: Int
    var syncStartDate: String?
    var readOnly: Bool
    var createdAt: String
    var updatedAt: String
    var lastSessionAt: String?
    var lastSyncAt: String?
    var lastSessionSummary: String?
    var connectionProblem: String?
    var quickbooks: QuickBooksJSON
    var pullInvoicesEverySync: Bool
    var depositSettings: DepositSettings

    struct QuickBooksJSON: Encodable {
        var product: String?
        var version: String?
        var country: String?
        var fileMode: String?
        var supportedQBXMLVersions: [String]
        var qbxmlVersion: String?
        var companyFile: String?
        var companyName: String?
        var autoApplyPayments: Bool?
        var reportedAt: String?
        var fileVerifiedAt: String?
    }

    init(_ company: Company, ownerID: String) {
        id = company.id.rawValue
        name = company.name
        username = company.username
        ownerId = ownerID
        fileId = company.fileID
        runEveryMinutes = company.runEveryMinutes
        syncStartDate = company.syncStartDate
        readOnly = company.readOnly
        createdAt = company.createdAt.iso8601
        updatedAt = company.updatedAt.iso8601
        lastSessionAt = company.lastSessionAt?.iso8601
        lastSyncAt = company.lastSyncAt?.iso8601
        lastSessionSummary = company.lastSessionSummary
        connectionProblem = company.connectionProblem
        pullInvoicesEverySync = company.pullInvoicesEverySync
        depositSettings = DepositSettings(json: company.depositSettings)
        let info = company.quickBooks
        quickbooks = QuickBooksJSON(
            product: info.product, version: info.version, country: info.country, fileMode: info.fileMode,
            supportedQBXMLVersions: info.supportedQBXMLVersions, qbxmlVersion: info.qbxmlVersion,
            companyFile: info.companyFile, companyName: info.companyName, autoApplyPayments: info.autoApplyPayments,
            reportedAt: info.reportedAt?.iso8601, fileVerifiedAt: info.fileVerifiedAt?.iso8601
        )
    }
}

/// One activity entry as JSON.
struct ActivityJSON: Encodable {
    var id: Int64
    var at: String
    var actor: String
    var companyId: String?
    var subject: String
    var subjectId: String?
    var action: String
    var detail: [String: String]

    init(_ entry: ActivityEntry) {
        id = entry.id
        at = entry.at.iso8601
        actor = entry.actor
        companyId = entry.companyID?.rawValue
        subject = entry.subject
        subjectId = entry.subjectID
        action = entry.action
        detail = (try? JSONDecoder().decode([String: String].self, from: Data(entry.detail.utf8))) ?? [:]
    }
}

import Foundation
