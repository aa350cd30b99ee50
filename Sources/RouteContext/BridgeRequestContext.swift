public import Hummingbird
import Logging

/// The request context of every route: Hummingbird's core storage plus who is calling (set by the bearer
/// middleware for the JSON API) and the body limit for this route family.
public struct BridgeRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// `api:<token label>` once authenticated.
    public var actor: String?

    /// Created by Hummingbird for each request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.actor = nil
    }

    /// JSON bodies are small; the SOAP route reads its body itself with its own limit.
    public var maxUploadSize: Int { 1024 * 1024 }
}
