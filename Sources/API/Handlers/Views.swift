import Bridge
import Foundation
import QBXML
import Domain
import Triage

/// How stored values become the contract's types. A stored value the contract has no word for (a status
/// written by a newer version, say) is an error that names it, never a silent default.
struct ContractMismatch: Error, CustomStringConvertible {
    let what: String
    let value: String
    var description: String { "the stored \(what) \"\(value)\" is not a value of the API contract" }
}

/// The contract's enum case with the same raw value as a stored enum.
func contractValue<Target: RawRepresentable>(_ raw: String, as _: Target.Type = Target.self, what: String) throws -> Target where Target.RawValue == String {
    guard let value = Target(rawValue: raw) else { throw ContractMismatch(what: what, value: raw) }
    return value
}

/// Store's own types, named where the contract's types of the same name are in scope.
typealias StoredCompany = Company
typealias StoredCustomerMapping = CustomerMapping


extension Components.Schemas.Company {
    init(_ company: StoredCompany, ownerID: String) {
        let info = company.quickBooks
        self.init(
            id: company.id.rawValue, name: company.name, username: company.username, ownerId: ownerID, fileId: company.fileID,
            runEveryMinutes: company.runEveryMinutes, syncStartDate: company.syncStartDate, readOnly: company.readOnly,
            createdAt: company.createdAt.date, updatedAt: company.updatedAt.date, lastSessionAt: company.lastSessionAt?.date,
            lastSyncAt: company.lastSyncAt?.date, lastSessionSummary: company.lastSessionSummary, connectionProblem: company.connectionProblem,
            quickbooks: .init(
                product: info.product, version: info.version, country: info.country, fileMode: info.fileMode,
                supportedQBXMLVersions: info.supportedQBXMLVersions, qbxmlVersion: info.qbxmlVersion, companyFile: info.companyFile,
                companyName: info.companyName, autoApplyPayments: info.autoApplyPayments, reportedAt: info.reportedAt?.date,
                fileVerifiedAt: info.fileVerifiedAt?.date,
                fileStamp: .init(rawValue: info.fileStamp.rawValue)
            ),
            depositSettings: .init(Bridge.DepositSettings(json: company.depositSettings)),
            pullInvoicesEverySync: company.pullInvoicesEverySync
        )
    }
}

extension Components.Schemas.DepositSettings {
    init(_ settings: Bridge.DepositSettings) {
        self.init(achBusinessDays: settings.achBusinessDays, achLatestBusinessDays: settings.achLatestBusinessDays, achMethods: settings.achMethods,
                  cardBusinessDays: settings.cardBusinessDays, cardMethods: settings.cardMethods, holidays: settings.holidays)
    }
}

extension Components.Schemas.Activity {
    init(_ entry: ActivityEntry) throws {
        let detail: [String: String]
        do {
            detail = try JSONDecoder().decode([String: String].self, from: Data(entry.detail.utf8))
        } catch {
            throw ContractMismatch(what: "activity detail of entry \(entry.id)", value: entry.detail)
        }
        self.init(id: Int(entry.id), at: entry.at.date, actor: entry.actor, companyId: entry.companyID?.rawValue, subject: entry.subject,
                  subjectId: entry.subjectID, action: entry.action, detail: .init(additionalProperties: detail))
    }
}

extension Components.Schemas.Failure {
    init(_ record: FailureRecord) throws {
        self.init(
            id: record.id.rawValue, companyId: record.companyID.rawValue, jobId: record.jobID?.rawValue,
            category: try contractValue(record.category.rawValue, what: "failure category"), title: record.title, summary: record.summary,
            // Triage's evidence and the contract's describe the same JSON object.
            evidence: try reencoded(record.evidence, as: Components.Schemas.FailureEvidence.self),
            statusCode: record.statusCode, statusMessage: record.statusMessage, hresult: record.hresult,
            resolution: record.resolution,
            actions: try record.availableActions.map { try contractValue($0.rawValue, what: "failure action") },
            autoRecheck: record.autoRecheck && record.status == .open,
            status: try contractValue(record.status.rawValue, what: "failure status"), reason: record.reason,
            createdAt: record.createdAt.date, updatedAt: record.updatedAt.date
        )
    }
}

extension Components.Schemas.Payment {
    init(_ job: Job, failure: FailureRecord?) throws {
        let payload: PaymentPayload
        do {
            payload = try PaymentPayload(json: job.payload)
        } catch {
            throw ContractMismatch(what: "payload of payment \(job.id)", value: String(job.payload.prefix(200)))
        }
        let note = job.result.flatMap { try? JSONDecoder().decode(PaymentNote.self, from: Data($0.utf8)) }?.note
        self.init(
            id: job.id.rawValue, externalId: job.externalID, companyId: job.companyID.rawValue,
            status: try contractValue(job.status.rawValue, what: "payment status"), txnId: job.txnID,
            failure: try failure.map(Components.Schemas.Failure.init),
            customer: .init(listId: payload.customer.listId, fullName: payload.customer.fullName, externalId: payload.customer.externalId),
            amount: payload.amount, date: payload.date, paymentMethod: payload.paymentMethod, refNumber: payload.refNumber, memo: payload.memo,
            depositToAccount: payload.depositToAccount,
            applications: payload.applications.map {
                .init(invoice: .init(txnId: $0.invoice.txnId, refNumber: $0.invoice.refNumber), amount: $0.amount)
            },
            attempts: job.attempts, note: note, nextCheckAt: job.status == .failed ? job.nextAttemptAt?.date : nil,
            createdAt: job.createdAt.date, updatedAt: job.updatedAt.date
        )
    }

    /// The one member of a payment's result the API shows.
    private struct PaymentNote: Decodable { var note: String? }
}

extension Components.Schemas.Health {
    init(_ health: CompanyHealth) throws {
        let problem = health.connectionFailure?.summary ?? health.company.connectionProblem
        self.init(
            companyId: health.company.id.rawValue, lastSyncAt: health.company.lastSyncAt?.date, lastSessionAt: health.company.lastSessionAt?.date,
            lastSessionSummary: health.company.lastSessionSummary, hoursSinceLastSync: health.hoursSinceLastSync.map { ($0 * 10).rounded() / 10 },
            syncAgeAlert: try contractValue(health.ageAlert, what: "sync age alert"),
            connection: .init(status: problem == nil ? (health.company.lastSyncAt == nil ? .neverConnected : .ok) : .problem,
                              problem: problem, failure: try health.connectionFailure.map(Components.Schemas.Failure.init)),
            failureRate: .init(windowDays: health.windowDays, payments: health.statistics.payments, failed: health.statistics.failedPayments,
                               rate: (health.statistics.rate * 1000).rounded() / 1000),
            alert: health.alertMessage.map { message in
                .init(message: message, topCategories: health.statistics.categories.prefix(3).map { .init(category: $0.category, count: $0.count) },
                      whatToCheck: health.whatToCheck)
            }
        )
    }
}

extension Components.Schemas.Pull {
    init(_ job: Job) throws {
        let view = PullView(job)
        self.init(
            companyId: job.companyID.rawValue, createdAt: job.createdAt.date, error: view.outcome?.error, fromDate: view.payload?.fromDate,
            fromModified: view.outcome?.fromModified ?? view.progress.fromModified, id: job.id.rawValue,
            incremental: view.payload?.incremental ?? false,
            kind: try view.payload.map { try contractValue($0.kind.rawValue, what: "pull kind") },
            mode: try (view.outcome?.mode ?? (view.progress.started ? (view.progress.fromModified == nil ? "full" : "incremental") : nil))
                .map { try contractValue($0, what: "pull mode") },
            modifiedSince: view.payload?.modifiedSince, openOnly: view.payload?.kind == .invoices ? view.payload?.openOnly : nil,
            origin: view.payload?.origin, pageSize: view.payload?.pageSize, pages: view.progress.pages, percent: view.percent,
            received: view.progress.received, remaining: view.progress.remaining, removed: view.outcome?.removed,
            restarts: view.progress.restarts, status: try contractValue(view.status, what: "pull status"), stored: view.progress.stored,
            updatedAt: job.updatedAt.date
        )
    }
}

extension Components.Schemas.RawRequest {
    init(_ job: Job, failure: FailureRecord?) throws {
        let view = RawRequestView(job)
        self.init(
            attempts: job.attempts, companyId: job.companyID.rawValue, createdAt: job.createdAt.date, element: view.element,
            externalId: job.externalID, failure: try failure.map(Components.Schemas.Failure.init), id: job.id.rawValue,
            minimumVersion: view.minimumVersion, qbxml: view.xml, requestId: view.requestID,
            response: view.answer.map {
                .init(error: $0.error, qbxml: $0.response, statusCode: $0.statusCode, statusMessage: $0.statusMessage, statusSeverity: $0.statusSeverity)
            },
            status: try contractValue(view.status, what: "raw request status"), updatedAt: job.updatedAt.date
        )
    }
}

extension Components.Schemas.Invoice {
    init(_ invoice: StoredInvoice) {
        self.init(
            appliedAmount: invoice.appliedCents.map(Self.money), balance: Self.money(invoice.balanceCents),
            customer: .init(fullName: invoice.customerName, listId: invoice.customerListID), dueDate: invoice.dueDate,
            editSequence: invoice.editSequence, isOpen: invoice.isOpen, isPaid: invoice.isPaid, memo: invoice.memo,
            pullId: invoice.pullID.rawValue, pulledAt: invoice.pulledAt.date, refNumber: invoice.refNumber,
            salesTax: invoice.taxCents.map(Self.money), subtotal: invoice.subtotalCents.map(Self.money),
            timeModified: invoice.timeModified, txnDate: invoice.txnDate, txnId: invoice.txnID
        )
    }

    static func money(_ cents: Int64) -> String {
        (Money(cents: cents) ?? .zero).description
    }
}

extension Components.Schemas.Customer {
    init(_ customer: StoredCustomer) {
        self.init(
            balance: customer.balanceCents.map(Components.Schemas.Invoice.money), companyName: customer.companyName,
            editSequence: customer.editSequence, email: customer.email, fullName: customer.fullName, isActive: customer.isActive,
            listId: customer.listID, name: customer.name, phone: customer.phone, pulledAt: customer.pulledAt.date,
            timeModified: customer.timeModified, totalBalance: customer.totalBalanceCents.map(Components.Schemas.Invoice.money)
        )
    }
}

extension Components.Schemas.CustomerMapping {
    init(_ mapping: StoredCustomerMapping) throws {
        self.init(
            createdAt: mapping.createdAt.date, externalId: mapping.externalID, fullName: mapping.fullName, listId: mapping.listID,
            matchedBy: try mapping.matchedBy.map { try contractValue($0, what: "mapping match") },
            source: try contractValue(mapping.source.rawValue, what: "mapping source"), updatedAt: mapping.updatedAt.date
        )
    }
}

extension Components.Schemas.DepositReport {
    init(_ report: Bridge.DepositReport, companyID: CompanyID) throws {
        self.init(
            companyId: companyID.rawValue,
            deposits: try report.deposits.map { deposit in
                .init(batchDate: deposit.batchDate.description, channel: try contractValue(deposit.channel.rawValue, what: "deposit channel"),
                      count: deposit.payments.count, expectedDate: deposit.expectedDate.description, latestDate: deposit.latestDate.description,
                      payments: deposit.payments.map {
                          .init(amount: $0.amount.description, customer: $0.customer, date: $0.date.description, depositToAccount: $0.depositToAccount,
                                externalId: $0.externalId, id: $0.id, paymentMethod: $0.paymentMethod, refNumber: $0.refNumber, txnId: $0.txnId)
                      },
                      total: deposit.total.description)
            },
            from: report.from.description, settings: .init(report.settings), to: report.to.description,
            totals: .init(ach: report.total(.ach).description, all: report.total().description, card: report.total(.card).description,
                          deposits: report.deposits.count, other: report.total(.other).description,
                          payments: report.deposits.reduce(0) { $0 + $1.payments.count })
        )
    }
}
