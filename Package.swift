// swift-tools-version: 6.1
import PackageDescription

/// QBBridge: a QuickBooks Web Connector server.
/// Dependencies point one way: Server → Bridge → (WebConnector, Triage, Store) → QBXML → CLibXML2; Store → SQLiteDriver → CSQLite.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "qbbridge",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qbbridge", targets: ["qbbridge"]),
        .executable(name: "qbbridge-bench", targets: ["qbbridge-bench"]),
        // libFuzzer harnesses for the SOAP and qbXML readers; built for fuzzing only by Tests/fuzz/run.sh.
        .executable(name: "qbbridge-fuzz", targets: ["QBBridgeFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "QBXML",
            dependencies: ["CLibXML2"],
            resources: [.embedInCode("Schema/qbxml-requests.xsd")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WebConnector",
            dependencies: ["QBXML"],
            resources: [.embedInCode("SOAP/QBWebConnectorSvc.wsdl")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Triage",
            swiftSettings: strictSettings
        ),
        /// The Web Connector log reader (issue 23): reads a QWCLog.txt as a stream, splits it into runs and
        /// classifies each problem with Triage's help catalogue. Pure values, no storage or HTTP.
        .target(
            name: "WebConnectorLog",
            dependencies: ["Triage"],
            swiftSettings: strictSettings
        ),
        /// The vocabulary every layer shares: identifiers, times, and the records Store keeps (companies, jobs,
        /// failure records, snapshots, activity), as plain values with no storage or HTTP in them.
        .target(
            name: "Domain",
            dependencies: ["Triage"],
            swiftSettings: strictSettings
        ),
        /// The store's own SQLite driver behind SQLKit: one writer with group commit and read-only connections
        /// beside it, each on a thread of its own; kept statements; SQLite's refusals as typed errors.
        .target(
            name: "SQLiteDriver",
            dependencies: [
                "CSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Store",
            dependencies: [
                "Domain", "Triage", "SQLiteDriver",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Bridge",
            dependencies: [
                "Domain", "QBXML", "WebConnector", "WebConnectorLog", "Triage", "Store",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                // The webhook sender's HTTP client (redirects off, 10 s per attempt).
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                // `qbbridge doctor`: reads the certificate chain a server presents, and verifies it with the system's roots.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        /// The JSON API: `openapi.yaml` is its contract; swift-openapi-generator makes the types and the
        /// server interface from it at build time, and the handlers here implement that interface.
        .target(
            name: "API",
            dependencies: [
                "Bridge", "Domain", "QBXML", "Triage", "WebConnectorLog",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        /// The request context every route runs in (who is calling, the body limit), shared by the server
        /// and the web UI, which mounts its pages on the server's router.
        .target(
            name: "RouteContext",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        /// The admin web UI: server-rendered Mustache pages over Bridge's services, behind a sign-in.
        .target(
            name: "AdminUI",
            dependencies: [
                "Bridge", "Domain", "QBXML", "Triage", "RouteContext", "WebConnectorLog",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The Mustache templates and the stylesheet, compiled into the binary.
            resources: [.embedInCode("Templates"), .embedInCode("Assets")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "API", "AdminUI", "RouteContext", "Bridge", "Domain", "WebConnector",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "QBSimulator",
            dependencies: [
                "QBXML",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "qbbridge",
            dependencies: [
                "Server", "Bridge", "Domain", "Store", "QBXML", "QBSimulator", "WebConnectorLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "qbbridge-bench",
            dependencies: [
                "Bridge", "Domain", "Store", "QBXML", "QBSimulator", "WebConnectorLog", "Triage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // The webhooks benchmark's receiver on 127.0.0.1.
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // `connect`: the simulated Web Connector's trust store (the system's, plus --ca-file).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "QBBridgeFuzz",
            dependencies: ["QBXML", "WebConnector"],
            swiftSettings: strictSettings
        ),
        // What the test targets share, in the way HummingbirdTesting serves Hummingbird's tests: a running bridge,
        // the test databases, the repository's files, the SOAP text and CLI helpers, the contract check, and the
        // requirements and tags that say what a test needs and which lane it belongs to.
        .target(
            name: "QBBridgeTesting",
            dependencies: [
                "API", "Bridge", "Domain", "QBSimulator", "Server", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/QBBridgeTesting",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QBXMLTests",
            dependencies: ["QBXML", "CLibXML2", "QBBridgeTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QBSimulatorTests",
            dependencies: ["QBSimulator", "QBXML", "Domain", "Store", "QBBridgeTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SQLiteDriverTests",
            dependencies: [
                "SQLiteDriver", "QBBridgeTesting",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WebConnectorLogTests",
            dependencies: ["WebConnectorLog", "Triage", "QBBridgeTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TriageTests",
            dependencies: ["Triage", "QBBridgeTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BridgeTests",
            dependencies: [
                "API", "AdminUI", "Server", "Bridge", "Domain", "Store", "Triage", "WebConnector", "QBXML", "QBSimulator", "QBBridgeTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
                // The test receiver's own Standard Webhooks verifier.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
