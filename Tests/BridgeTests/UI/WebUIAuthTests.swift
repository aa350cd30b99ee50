import Foundation
import Domain
import Store
import Testing
import QBBridgeTesting

@Suite("Web UI: sign-in, sessions and CSRF", .tagFilter)
struct WebUIAuthTests {
    @Test("pages redirect to /login without a session; the API, SOAP, health and metrics answer as before")
    func unauthenticated() async throws {
        try await withRunningBridge { bridge async throws in
            var browser = UIClient(bridge)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.location == "/login")
            let failures = try await browser.get("/failures?status=open")
            #expect(failures.location == "/login?next=%2Ffailures%3Fstatus%3Dopen")
            let post = try await browser.post("/failures/00000000-0000-0000-0000-000000000000/retry", csrf: false)
            #expect(post.status == .seeOther)
            #expect(post.location == "/login")

            #expect(try await browser.get("/healthz").body.contains("\"status\":\"ok\""))
            #expect(try await browser.get("/metrics").status == .ok)
            #expect(try await browser.get("/support").body.contains("QBBridge"))
            #expect(try await browser.get("/qbwc?wsdl").body.contains("wsdl:definitions"))
            let api = try await browser.get("/api/v1/companies")
            #expect(api.status == .unauthorized)
            #expect(api.body.contains("\"code\":\"unauthorized\""))
            #expect(try await bridge.api(.get, "/companies").status == .ok)
            let unknownAPI = try await browser.get("/api/v1/no-such-thing")
            #expect(unknownAPI.status == .notFound)
            #expect(!unknownAPI.body.contains("<html"))

            let unknown = try await browser.get("/no-such-page")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("Page not found"))
            #expect(unknown.body.contains("href=\"/\""))
            let css = try await browser.get("/assets/app.css")
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.body.contains(":focus-visible"))
        }
    }

    @Test("signing in sets an HttpOnly, SameSite=Lax session cookie and returns to the page asked for")
    func signIn() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            let login = try await browser.get("/login?next=%2Fcompanies")
            #expect(login.body.contains("<label for=\"username\">User name</label>"))
            #expect(login.body.contains("value=\"/companies\""))
            let answer = try await browser.post("/login", [("username", "Support"), ("password", "a long admin password"), ("next", "/companies")])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/companies")
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("qbb_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain HTTP here")
            let page = try await browser.get("/companies")
            #expect(page.status == .ok)
            #expect(page.body.contains("support"))
            #expect(page.body.contains("Sign out"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(page.headers[.cacheControl] == "no-store")
        }
    }

    @Test("behind an HTTPS proxy the session cookie is Secure; an off-site next is ignored")
    func secureCookie() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            _ = try await browser.get("/login")
            let token = try #require(browser.csrf)
            let body = "csrf=\(token)&username=support&password=a+long+admin+password&next=%2F%2Fevil.example%2F"
            let response = try await bridge.client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "qbb_login=\(token)", .init("X-Forwarded-Proto")!: "https"],
                body: .init(string: body)
            )
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            #expect(response.headers[values: .setCookie].first { $0.hasPrefix("qbb_session=") }?.contains("Secure") == true)
        }
    }

    @Test("a wrong password fails; after 5 failures the user name is locked, even for the right password")
    func throttled() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            _ = try await browser.get("/login")
            for attempt in 1...5 {
                let page = try await browser.post("/login", [("username", "support"), ("password", "wrong password \(attempt)")])
                #expect(page.status == (attempt < 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt)")
                #expect(page.body.contains(attempt < 5 ? "The user name or password is wrong." : "Too many failed sign-ins"))
                #expect(browser.cookies["qbb_session"] == nil)
            }
            let right = try await browser.post("/login", [("username", "support"), ("password", "a long admin password")])
            #expect(right.status == .tooManyRequests)
            #expect(browser.cookies["qbb_session"] == nil)
            #expect(try await bridge.store.throttle.isLocked("ui:support"))
            let unknown = try await browser.post("/login", [("username", "nobody"), ("password", "whatever it is")])
            #expect(unknown.status == .unauthorized, "an unknown name reads exactly like a wrong password")
        }
    }

    @Test("the login form is refused without its token")
    func loginCSRF() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            _ = try await browser.get("/login")
            let refused = try await browser.post("/login", [("username", "support"), ("password", "a long admin password")], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(refused.body.contains("This form was refused"))
            #expect(browser.cookies["qbb_session"] == nil)
        }
    }

    @Test("signing out ends the session on the server: the old cookie no longer opens pages")
    func signOut() async throws {
        try await withRunningBridge { bridge async throws in
            try await UIClient.addAdmin(bridge)
            var browser = UIClient(bridge)
            try await browser.signIn()
            let saved = try #require(browser.cookies["qbb_session"])
            #expect(try await browser.get("/").status == .ok)
            #expect(try await browser.post("/logout", csrf: false).status == .forbidden, "sign-out is a CSRF-checked form too")
            let out = try await browser.post("/logout")
            #expect(out.status == .seeOther)
            #expect(out.location == "/login?signedOut=1")
            #expect(browser.cookies["qbb_session"] == nil)
            #expect(try await browser.get("/login?signedOut=1").body.contains("You are signed out."))
            browser.cookies["qbb_session"] = saved
            let replay = try await browser.get("/")
            #expect(replay.status == .seeOther)
            #expect(replay.location == "/login")
        }
    }
}
