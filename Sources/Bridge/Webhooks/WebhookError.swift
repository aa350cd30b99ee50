/// What can go wrong with webhooks, with what to do about it. No description contains a secret.
public enum WebhookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No key file is configured (PostgreSQL without `--webhook-key-file`).
    case noKeyFile
    /// The key file cannot be read or created.
    case keyFile(path: String, reason: String)
    /// A stored secret does not open under the key (the key file was replaced).
    case cannotOpenSecret(keyPath: String)
    /// Encryption failed.
    case cannotSeal
    /// The URL may not be delivered to.
    case refusedURL(String)

    public var description: String {
        switch self {
        case .noKeyFile:
            "Webhook secrets need a key file: start serve with --webhook-key-file (QBBRIDGE_WEBHOOK_KEY_FILE); every instance sharing the database must use the same file."
        case .keyFile(let path, let reason):
            "The webhook key file \(path) cannot be used: \(reason). Check its permissions, or move it away to create a new one (existing endpoints then need a new secret)."
        case .cannotOpenSecret(let path):
            "A webhook secret cannot be decrypted with the key in \(path): the key file was replaced. Restore it, or rotate the endpoint's secret."
        case .cannotSeal:
            "The webhook secret could not be encrypted."
        case .refusedURL(let reason):
            reason
        }
    }
}
