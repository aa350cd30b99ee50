import Foundation
public import Testing

extension Tag {
    /// Takes more than a few seconds on its own: a 20,000-invoice pull, a SIGKILL loop, 100 payments, a 50 MB body.
    @Tag public static var slow: Self
    /// Runs against PostgreSQL (`QBBRIDGE_TEST_POSTGRES_URL`).
    @Tag public static var postgres: Self
    /// Starts a program as a child process: the built `qbbridge`, openssl or Python.
    @Tag public static var process: Self
}

/// Something outside Swift that a test needs. A test that needs one declares it with `.requires(_:)`, so on a
/// machine without it `swift test` lists the test as skipped with what is missing and how to get it, instead
/// of failing or, worse, returning early and counting as passed. `.ci/run` provides all of them and fails
/// when any test was skipped.
public enum Requirement: Sendable, CaseIterable {
    /// A PostgreSQL database the tests may empty, named by `QBBRIDGE_TEST_POSTGRES_URL`.
    case postgres
    /// Python 3 with zeep, the standard SOAP client the WSDL test loads our WSDL with.
    case zeep
    /// The openssl command, which makes the self-signed certificate of the HTTPS test.
    case openssl

    /// Why the test did not run and how to make it run, as the skip message shows it.
    public var whatIsMissing: String {
        switch self {
        case .postgres:
            "PostgreSQL: set QBBRIDGE_TEST_POSTGRES_URL=postgres://user@127.0.0.1:5432/db?sslmode=disable (a database the tests may empty; .ci/run starts one)"
        case .zeep:
            "Python's zeep: pip install zeep (.ci/run installs it)"
        case .openssl:
            "openssl: apt-get install openssl"
        }
    }

    /// Whether it is here. Each probe runs once per test run, on a thread of its own (see `blocking`).
    public var isAvailable: Bool {
        get async {
            switch self {
            case .postgres: TestEnvironment.postgresURL != nil
            case .zeep: await Self.zeepProbe.value
            case .openssl: await Self.opensslProbe.value
            }
        }
    }

    private static let zeepProbe = Task { await succeeds(["python3", "-c", "import zeep"]) }
    private static let opensslProbe = Task { await succeeds(["openssl", "version"]) }

    private static func succeeds(_ command: [String]) async -> Bool {
        (try? await blocking {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = command
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }) ?? false
    }
}

/// The test run's environment variables.
public enum TestEnvironment {
    /// The PostgreSQL database of the PostgreSQL tests, when given.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["QBBRIDGE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Tags whose tests are skipped in this run: `QBBRIDGE_TEST_SKIP_TAGS=slow,process swift test` is the
    /// fast lane. Swift 6.3's `swift test` filters by name only (`--filter`, `--skip`), so the tags are
    /// matched here, by `.tagFilter`.
    /// A name that is no tag (a typo) is reported once on standard error rather than silently running everything.
    public static let skippedTags: Set<Tag> = {
        let known: [String: Tag] = ["slow": .slow, "postgres": .postgres, "process": .process]
        let names = (ProcessInfo.processInfo.environment["QBBRIDGE_TEST_SKIP_TAGS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = names.filter { known[$0] == nil }
        if !unknown.isEmpty {
            FileHandle.standardError.write(Data("QBBRIDGE_TEST_SKIP_TAGS: no tag named \(unknown.joined(separator: ", ")); the tags are \(known.keys.sorted().joined(separator: ", "))\n".utf8))
        }
        return Set(names.compactMap { known[$0] })
    }()
}

extension Trait where Self == ConditionTrait {
    /// Skips the test, with the reason, where `requirement` is missing.
    public static func requires(_ requirement: Requirement) -> Self {
        .enabled(Comment(rawValue: requirement.whatIsMissing)) { await requirement.isAvailable }
    }

    /// Skips the tests of a suite (or one test) whose tags are in `QBBRIDGE_TEST_SKIP_TAGS`. Every suite or
    /// test that carries a tag carries this too.
    public static var tagFilter: Self {
        .enabled("its tag is in QBBRIDGE_TEST_SKIP_TAGS (the fast lane); run `swift test` for everything") {
            guard let tags = Test.current?.tags else { return true }
            return tags.isDisjoint(with: TestEnvironment.skippedTags)
        }
    }
}
