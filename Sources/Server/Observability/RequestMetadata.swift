public import Logging

/// The id of the HTTP request a task is serving, for log lines written below the HTTP layer: the bridge
/// logs through the server's logger, not the request's, so without this its lines (session opened,
/// busy, stale response ignored…) could not be tied to the Web Connector call that caused them.
/// `RequestLoggingMiddleware` sets it; `serve` installs `provider`, which adds it to every line under the
/// same key Hummingbird gives the request's own logger.
public enum RequestMetadata {
    /// The current request's id, while a request is being handled.
    @TaskLocal public static var requestID: String?

    /// Adds `hb.request.id` to log lines written while a request is handled.
    public static let provider = Logger.MetadataProvider {
        guard let requestID else { return [:] }
        return ["hb.request.id": .string(requestID)]
    }
}
