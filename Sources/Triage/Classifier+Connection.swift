import Foundation

extension Classifier {
    /// connectionError / receiveResponseXML: the HRESULT table first, the message patterns as a
    /// fallback (and for licenses, which have no HRESULT of their own), else `unknown`.
    static func hresultDraft(_ input: ConnectionFailureInput) -> FailureRecordDraft {
        let message = MessageNormalizer.normalize(input.message ?? "")
        let hresult = input.hresult.flatMap(HResult.init(parsing:)) ?? HResult.firstMention(in: message)
        let entry = hresult.flatMap(HResultTable.entry(for:))
        let pattern = ConnectionMessagePatterns.match(message)
        let category: FailureCategory
        if let pattern, pattern.overridesHResult {
            category = pattern.category
        } else {
            category = entry?.category ?? pattern?.category ?? .unknown
        }
        let matchingEntry = entry?.category == category ? entry : nil
        let rawHResult = input.hresult?.trimmingCharacters(in: .whitespacesAndNewlines)
        let hresultText = hresult?.description ?? (rawHResult?.isEmpty == false ? rawHResult : nil)

        var evidence = FailureEvidence()
        evidence.source = input.source.rawValue
        evidence.message = message.isEmpty ? nil : message
        evidence.hresultText = entry?.quickBooksText
        evidence.companyFilePath = input.companyFilePath

        var summary: String
        if let matchingEntry {
            summary = matchingEntry.explanation
        } else if category == .unknown, input.source == .receiveResponseXML {
            summary = "QuickBooks turned away the requests QBBridge sent, for a reason QBBridge does not recognize."
        } else {
            summary = ConnectionTexts.explanation(for: category)
        }
        if input.source == .receiveResponseXML, category != .invalidRequest, category != .unknown {
            summary += " QuickBooks did not process the requests QBBridge had just sent."
        }
        let said = message.isEmpty ? nil : Phrase.quoted(message)
        switch (said, hresultText) {
        case let (said?, code?): summary += Phrase.endSentence(" The Web Connector reported \(code): \(said)")
        case let (said?, nil): summary += Phrase.endSentence(" The Web Connector reported: \(said)")
        case let (nil, code?): summary += " The Web Connector reported \(code)."
        case (nil, nil): break
        }
        let text = FailureText(
            title: ConnectionTexts.title(for: category),
            summary: summary,
            resolution: matchingEntry?.steps
                ?? ConnectionSteps.steps(for: category, companyFilePath: input.companyFilePath))
        return draft(
            category, text, evidence: evidence, hasJob: input.source == .receiveResponseXML,
            statusMessage: input.message, hresult: hresultText)
    }

    /// authenticate answered `nvu`.
    static func authenticationDraft(_ input: ConnectionFailureInput) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = input.source.rawValue
        evidence.userName = input.userName
        let who = input.userName.map { " as \(Phrase.quoted($0))" } ?? ""
        let text = FailureText(
            title: ConnectionTexts.title(for: .authenticationFailed),
            summary: "The Web Connector signed in\(who) with a user name or password QBBridge did not accept, so no sync ran. Payments for this company wait in the queue until it signs in.",
            resolution: ConnectionSteps.steps(for: .authenticationFailed, companyFilePath: nil))
        return draft(.authenticationFailed, text, evidence: evidence, hasJob: false)
    }

    /// clientVersion reported a Web Connector older than QBBridge accepts.
    static func clientVersionDraft(_ input: ConnectionFailureInput) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = input.source.rawValue
        evidence.clientVersion = input.clientVersion
        evidence.minimumClientVersion = input.minimumClientVersion
        let version = input.clientVersion.map { " is version \($0);" } ?? " is too old;"
        let minimum = input.minimumClientVersion.map { "QBBridge needs \($0) or newer" } ?? "QBBridge needs a newer one"
        let text = FailureText(
            title: ConnectionTexts.title(for: .clientVersionOutdated),
            summary: "The Web Connector on the QuickBooks computer\(version) \(minimum). It will not sync until it is updated.",
            resolution: ConnectionSteps.steps(for: .clientVersionOutdated, companyFilePath: nil))
        return draft(.clientVersionOutdated, text, evidence: evidence, hasJob: false)
    }

    /// No session for longer than the schedule allows.
    static func notSyncingDraft(_ input: ConnectionFailureInput) -> FailureRecordDraft {
        var evidence = FailureEvidence()
        evidence.source = input.source.rawValue
        evidence.runEveryMinutes = input.runEveryMinutes
        let schedule = input.runEveryMinutes.map { ", although it is scheduled every \($0) minute\($0 == 1 ? "" : "s")" } ?? ""
        var steps = ConnectionSteps.steps(for: .notSyncing, companyFilePath: nil)
        let summary: String
        if let last = input.lastSessionAt {
            evidence.lastSessionAt = last.formatted(.iso8601)
            let minutes = input.now.map { max(0, Int($0.timeIntervalSince(last) / 60)) }
            evidence.minutesSinceLastSession = minutes
            let silence = minutes.map { " for \(durationText(minutes: $0))" } ?? ""
            summary = "The Web Connector has not connected\(silence) (last successful sync \(TimeText.utc(last)))\(schedule). Payments for this company are waiting and not reaching QuickBooks."
        } else {
            summary = "The Web Connector has never connected for this company\(schedule). Payments for this company are waiting and not reaching QuickBooks."
            steps.insert(
                "If the Web Connector was never set up for this company, download its .qwc file from QBBridge and add it in the Web Connector (Add an application), then enter the password.",
                at: 0)
        }
        let text = FailureText(
            title: ConnectionTexts.title(for: .notSyncing), summary: summary, resolution: steps)
        return draft(.notSyncing, text, evidence: evidence, hasJob: false)
    }

    /// "3 hours 10 minutes", "2 days 4 hours", "45 minutes".
    static func durationText(minutes: Int) -> String {
        func unit(_ value: Int, _ name: String) -> String { "\(value) \(name)\(value == 1 ? "" : "s")" }
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(unit(days, "day")) \(unit(hours, "hour"))" : unit(days, "day") }
        if hours > 0 { return rest > 0 ? "\(unit(hours, "hour")) \(unit(rest, "minute"))" : unit(hours, "hour") }
        return unit(rest, "minute")
    }
}
