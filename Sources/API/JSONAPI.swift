public import Bridge
import Foundation
public import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import Domain

/// Mounts the JSON API on a router group: the generated routes of `openapi.yaml`, with every JSON body
/// checked against the contract first.
public enum JSONAPI {
    /// Registers every operation of the contract on `group` (the `/api/v1` group, behind the token check).
    public static func register(
        on group: RouterGroup<some RequestContext>,
        services: BridgeServices,
        maximumBodyBytes: Int
    ) throws {
        let handler = APIHandler(services: services)
        try handler.registerHandlers(
            on: group,
            serverURL: URL(string: "/")!,
            configuration: Configuration(dateTranscoder: MillisecondDateTranscoder()),
            middlewares: [HeaderValueMiddleware(), ContractCheckMiddleware(contract: .shared, maximumBodyBytes: maximumBodyBytes)]
        )
    }

    /// The contract as served at `GET /api/v1/openapi.json`.
    public static var openAPIJSON: String { OpenAPIContract.shared.json }

    /// The contract as written, served at `GET /api/v1/openapi.yaml`.
    public static var openAPIYAML: String { OpenAPIContract.shared.yaml }
}
