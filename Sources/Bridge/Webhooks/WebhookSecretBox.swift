import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Keeps webhook secrets sealed in the database. A Standard Webhooks signature is an HMAC, and an HMAC needs
/// the secret itself, so a hash (as API tokens are kept) cannot work: the secret is encrypted with AES-256-GCM
/// under a key that is never in the database, a file (`--webhook-key-file`, by default next to the SQLite file)
/// created on first use with mode 0600. A copy of the database alone does not reveal a secret; instances
/// sharing one PostgreSQL database must share the file. See docs/operations.md, "Webhooks".
public final class WebhookSecretBox: Sendable {
    /// Where the key lives, or nil when none was configured and none can be derived (PostgreSQL without
    /// `--webhook-key-file`).
    public let keyPath: String?
    /// The key's bytes once read (`SymmetricKey` itself is not `Sendable`).
    private let key = Mutex<Data?>(nil)

    /// A box over the key at `keyPath` (read or created when first needed).
    public init(keyPath: String?) {
        self.keyPath = keyPath
    }

    /// Encrypts a secret for storage: base64 of AES-GCM's nonce, ciphertext and tag.
    func seal(_ secret: String) throws(WebhookError) -> String {
        let key = try loadKey()
        do {
            guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else { throw WebhookError.cannotSeal }
            return combined.base64EncodedString()
        } catch {
            throw .cannotSeal
        }
    }

    /// Decrypts a stored secret.
    func open(_ sealed: String) throws(WebhookError) -> String {
        let key = try loadKey()
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key) else {
            throw .cannotOpenSecret(keyPath: keyPath ?? "")
        }
        return String(decoding: plain, as: UTF8.self)
    }

    private func loadKey() throws(WebhookError) -> SymmetricKey {
        if let cached = key.withLock({ $0 }) { return SymmetricKey(data: cached) }
        guard let keyPath else { throw .noKeyFile }
        let loaded = try Self.readOrCreate(keyPath)
        let bytes = loaded.withUnsafeBytes { Data($0) }
        key.withLock { $0 = bytes }
        return loaded
    }

    /// Reads the key file, or creates it (0600) when it does not exist. Creation writes a private temporary file
    /// and links it into place, so two instances starting at once end up with the same key, never half a file.
    static func readOrCreate(_ path: String) throws(WebhookError) -> SymmetricKey {
        if let existing = try read(path) { return existing }
        let fresh = SymmetricKey(size: .bits256)
        let text = fresh.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = createPrivateFile(temporary)
        guard descriptor >= 0 else { throw .keyFile(path: path, reason: String(cString: strerror(errno))) }
        let written = text.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        fsync(descriptor)
        close(descriptor)
        defer { unlink(temporary) }
        guard written == text.utf8.count else { throw .keyFile(path: path, reason: "could not write the key") }
        if link(temporary, path) != 0, errno != EEXIST {
            throw .keyFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard let key = try read(path) else { throw .keyFile(path: path, reason: "the key file vanished after it was created") }
        return key
    }

    private static func read(_ path: String) throws(WebhookError) -> SymmetricKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .keyFile(path: path, reason: "it cannot be read")
        }
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw .keyFile(path: path, reason: "it does not hold a base64 256-bit key")
        }
        return SymmetricKey(data: data)
    }
}

/// `open(2)` for a new file only its owner may read (at file scope: inside `WebhookSecretBox`, `open` is its own method).
private func createPrivateFile(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
}
