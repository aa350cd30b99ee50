import Bridge
import Foundation
import Logging
import Domain
import Store
import Testing
import QBBridgeTesting

/// The first admin user without a terminal (issue 25, item 5): a one-time link, valid 24 hours, usable once and
/// only while no admin user exists; the sign-in page says how to get one.
@Suite("Web UI: the first admin user from a set-up link", .tagFilter)
struct WebUISetupTests {
    static func access(_ bridge: RunningBridge) -> AccessService {
        BridgeServices(store: bridge.store, configuration: BridgeConfiguration(bcryptCost: 4), logger: Logger(label: "test")).access
    }

    @Test("the link's form creates the first admin user and signs them in; the link then works no more")
    func setupLinkCreatesTheFirstUser() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let login = try await browser.get("/login")
            #expect(login.body.contains("No admin user exists yet"), "\(login.body)")
            #expect(login.body.contains("qbbridge user setup-link"))

            let code = try #require(try await Self.access(bridge).issueSetupCode())
            let form = try await browser.get("/setup?code=\(code)")
            #expect(form.status == .ok)
            #expect(form.headers[.cacheControl] == "no-store")
            #expect(form.body.contains("Create the first admin user"))

            let mismatch = try await browser.post("/setup", [("code", code), ("username", "owner"), ("password", "a long admin password"),
                                                             ("confirmation", "another long password")])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.body.contains("The second password does not match the password."))
            #expect(try await bridge.store.adminUsers.count() == 0)

            let created = try await browser.post("/setup", [("code", code), ("username", "owner"), ("password", "a long admin password"),
                                                            ("confirmation", "a long admin password")])
            #expect(created.status == .seeOther, "\(created.body)")
            #expect(created.location == "/")
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok, "signed in")
            #expect(try await bridge.store.adminUsers.count() == 1)

            var stranger = UIClient(bridge)
            let used = try await stranger.get("/setup?code=\(code)")
            #expect(used.status == .gone)
            #expect(used.body.contains("set-up links are only for the first one"))
            #expect(!used.body.contains("name=\"password\""))
            #expect(try await Self.access(bridge).issueSetupCode() == nil, "no link once an admin user exists")
            try await stranger.signIn(username: "owner", password: "a long admin password")
        }
    }

    @Test("a wrong, replaced or malformed code gets a page saying how to get a new link, never the form; a forged form is refused")
    func badCodesAreRefused() async throws {
        try await withRunningBridge { bridge async throws in
            let access = Self.access(bridge)
            let first = try #require(try await access.issueSetupCode())
            let second = try #require(try await access.issueSetupCode())
            var browser = UIClient(bridge)
            for code in [first, String(repeating: "a", count: 64), "not-a-code", ""] {
                let page = try await browser.get("/setup?code=\(code)")
                #expect(page.status == .gone, "\(code)")
                #expect(page.body.contains("qbbridge user setup-link"))
            }
            _ = try await browser.get("/setup?code=\(second)")
            let replaced = try await browser.post("/setup", [("code", first), ("username", "owner"), ("password", "a long admin password"),
                                                             ("confirmation", "a long admin password")])
            #expect(replaced.status == .gone)
            #expect(try await bridge.store.adminUsers.count() == 0)
            var forger = UIClient(bridge)
            let forged = try await forger.post("/setup", [("code", second), ("username", "owner"),
                                                                    ("password", "a long admin password"), ("confirmation", "a long admin password")],
                                                         csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await bridge.store.adminUsers.count() == 0)
        }
    }

    @Test("a code expires after 24 hours")
    func codesExpire() async throws {
        _ = try await TestDatabase.sqlite.withStore { store in
            try await store.installation.replaceSetupCode("h", expiresAt: Timestamp.now.adding(seconds: AccessService.setupLinkLifetimeSeconds))
            #expect(try await store.installation.setupCodeIsCurrent("h"))
            #expect(try await !store.installation.setupCodeIsCurrent("h", now: Timestamp.now.adding(seconds: AccessService.setupLinkLifetimeSeconds + 1)))
            #expect(try await store.adminUsers.createFirst(username: "late", passwordHash: "x", setupCode: "h",
                                                           now: Timestamp.now.adding(seconds: AccessService.setupLinkLifetimeSeconds + 1)) == .codeNotCurrent)
        }
    }
}
