/// How the bridge re-checks a failure by itself, without anyone clicking Retry.
///
/// Transient failures (locks, a busy QuickBooks) back off; `amount_changed` is re-checked on every
/// sync until the balance fits again (docs/failure-catalogue.md, "Automatic re-checks"); skipped requests go out again at once.
public enum RetryPolicy: Sendable, Codable, Equatable {
    /// Try again after each delay in turn; when they run out, the failure waits for a person.
    case backoff(delaysInSeconds: [Int])
    /// Check again in every Web Connector session, with no limit, until it resolves.
    case everySync

    /// 1, 5, 15 and 60 minutes: long enough for a person to close the window holding a lock.
    public static let lockContention = RetryPolicy.backoff(delaysInSeconds: [60, 300, 900, 3600])
    /// At once, then 1, 5 and 15 minutes: for requests QuickBooks skipped without looking at them.
    public static let requeue = RetryPolicy.backoff(delaysInSeconds: [0, 60, 300, 900])
    /// One more attempt after 5 minutes, then a person decides (docs/failure-catalogue.md, "Automatic re-checks").
    public static let once = RetryPolicy.backoff(delaysInSeconds: [300])

    private enum CodingKeys: String, CodingKey {
        case kind, delaysInSeconds
    }

    /// Decodes `{"kind": "backoff", "delaysInSeconds": [60, 300]}` or `{"kind": "everySync"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "backoff":
            self = .backoff(delaysInSeconds: try container.decode([Int].self, forKey: .delaysInSeconds))
        case "everySync":
            self = .everySync
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown retry policy kind \"\(kind)\"")
        }
    }

    /// Encodes as a flat object with a `kind`, easy to read from any language.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .backoff(let delays):
            try container.encode("backoff", forKey: .kind)
            try container.encode(delays, forKey: .delaysInSeconds)
        case .everySync:
            try container.encode("everySync", forKey: .kind)
        }
    }

    /// The wait before the next automatic attempt after `attempts` automatic attempts so far,
    /// or nil when the bridge should stop and leave the failure to a person.
    public func delay(afterAttempts attempts: Int) -> Duration? {
        switch self {
        case .everySync:
            return .zero
        case .backoff(let delays):
            guard attempts >= 0, attempts < delays.count else { return nil }
            return .seconds(delays[attempts])
        }
    }
}
