import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `qbbridge-bench pages`: how long the JSON API's lists and the web UI's pages take with a small installation
/// and with a large one (issue 26 item 4; docs/operations.md, "Lists at scale"). Each scale gets a server of its
/// own on a fresh database, filled by `qbbridge seed --operations` (500 companies; the scale's jobs; one failure
/// record per 50 jobs, at least 60 so every list fills its pages), and each page is asked for `repeats` times
/// after a warm-up; the table gives the median and the slowest answer. API pages hold 20 rows; deep pages are
/// reached by following nextCursor, as a client does.
struct PagesBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pages", abstract: "Time of the API's lists and the web UI's pages at 1,000 and 1,000,000 jobs.")

    @Option(help: "Jobs in the installation at each scale, comma-separated.") var scales = "1000,1000000"
    @Option(help: "Companies at every scale.") var companies = 500
    @Option(help: "Failure records per this many jobs (the issue's data set: 20,000 for a million jobs).") var jobsPerFailure = 50
    @Option(help: "Times each page is asked for.") var repeats = 20
    @Option(help: "Pages followed by nextCursor for the deep-page figures.") var depth = 20

    struct Timing {
        var median: Double
        var slowest: Double
    }

    func run() async throws {
        let scaleList = scales.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !scaleList.isEmpty else { throw ValidationError("--scales lists no number") }
        var results: [(scale: Int, rows: [(String, Timing)])] = []
        for scale in scaleList {
            results.append((scale, try await measure(jobs: scale)))
        }
        print("")
        print("time per page (median / slowest of \(repeats)), \(companies) companies:")
        print("| page | " + results.map { "\($0.scale) jobs" }.joined(separator: " | ") + " |")
        print("|---|" + results.map { _ in "---:|" }.joined())
        for (index, row) in (results.first?.rows ?? []).enumerated() {
            let cells = results.map { result in
                let timing = result.rows[index].1
                return String(format: "%.1f / %.1f ms", timing.median * 1000, timing.slowest * 1000)
            }
            print("| \(row.0) | " + cells.joined(separator: " | ") + " |")
        }
        if results.count > 1, let first = results.first, let last = results.last {
            let ratios = zip(first.rows, last.rows).map { $1.1.median / max($0.1.median, 0.000_1) }
            let worst = zip(first.rows, ratios).max { $0.1 < $1.1 }
            print(String(format: "largest against smallest, median: %.2f× at most", worst?.1 ?? 0) + " (\(worst?.0.0 ?? "-"))")
        }
    }

    func measure(jobs: Int) async throws -> [(String, Timing)] {
        let server = try ServerProcess()
        defer { server.stop() }
        let token = try server.cli(["token", "create"]).split(separator: "\n").last.map(String.init) ?? ""
        _ = try server.cli(["user", "add", "--username", "bench", "--password-stdin", "--bcrypt-cost", "10"], input: "bench password 1\n")
        let start = ContinuousClock.now
        let seeded = try server.cli(["seed", "--operations", "--companies", "\(companies)", "--jobs", "\(jobs)",
                                     "--failures", "\(max(60, jobs / jobsPerFailure))"])
        print("\(jobs) jobs: \(seeded.split(separator: "\n").last ?? "") (\(String(format: "%.0f", PaymentsBenchmark.seconds(ContinuousClock.now - start))) s in all)")
        try await server.start()
        let base = "http://127.0.0.1:\(server.port)"
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        // The browser sees each answer as it is (a redirect is an answer of its own, as for a person's browser).
        var noRedirects = HTTPClient.Configuration()
        noRedirects.redirectConfiguration = .disallow
        let browserClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: noRedirects)
        defer { _ = browserClient.shutdown() }
        let browser = try await BenchBrowser.signIn(client: browserClient, base: base, username: "bench", password: "bench password 1")
        let api = BenchAPI(client: client, token: token)

        func deep(_ path: String, list: String) async throws -> String {
            var url = base + path
            for _ in 0..<depth {
                let page = try await api.send(url, body: nil)
                guard let next = page["nextCursor"] as? String else { break }
                url = base + path + (path.contains("?") ? "&" : "?") + "cursor=" + next
            }
            return String(url.dropFirst(base.count))
        }
        let apiPages: [(String, String)] = [
            ("API payments, first page", "/api/v1/payments?limit=20"),
            ("API payments, page \(depth + 1)", try await deep("/api/v1/payments?limit=20", list: "payments")),
            ("API failed payments", "/api/v1/payments?status=failed&limit=20"),
            ("API failure records, first page", "/api/v1/failures?limit=20"),
            ("API failure records, page \(depth + 1)", try await deep("/api/v1/failures?limit=20", list: "failures")),
            ("API activity, first page", "/api/v1/activity?limit=20"),
            ("API activity, page \(depth + 1)", try await deep("/api/v1/activity?limit=20", list: "activity")),
            ("API companies", "/api/v1/companies?limit=20"),
        ]
        let uiPages: [(String, String)] = [
            ("UI dashboard", "/"),
            ("UI dashboard, sorted by waiting", "/?sort=waiting"),
            ("UI dashboard, search", "/?q=harbor+plumbing"),
            ("UI failures", "/failures"),
            ("UI activity", "/activity"),
            ("UI payments", "/payments"),
        ]
        var rows: [(String, Timing)] = []
        for (name, path) in apiPages {
            rows.append((name, try await time { _ = try await api.send(base + path, body: nil) }))
        }
        for (name, path) in uiPages {
            rows.append((name, try await time { try await browser.get(path) }))
        }
        for (name, timing) in rows {
            print("  " + name.padding(toLength: 40, withPad: " ", startingAt: 0)
                  + String(format: " median %7.2f ms, slowest %7.2f ms", timing.median * 1000, timing.slowest * 1000))
        }
        return rows
    }

    func time(_ body: () async throws -> Void) async throws -> Timing {
        try await body()
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            try await body()
            samples.append(PaymentsBenchmark.seconds(ContinuousClock.now - start))
        }
        samples.sort()
        return Timing(median: samples[samples.count / 2], slowest: samples.last ?? 0)
    }
}

/// A signed-in admin's browser, enough to time the web UI: the session cookie, and an error for any answer
/// but 200.
struct BenchBrowser: Sendable {
    let client: HTTPClient
    let base: String
    let cookie: String

    static func signIn(client: HTTPClient, base: String, username: String, password: String) async throws -> BenchBrowser {
        let form = try await client.execute(HTTPClientRequest(url: base + "/login"), timeout: .seconds(30))
        let html = String(buffer: try await form.body.collect(upTo: 1 << 20))
        var cookies = Self.cookies(form.headers)
        guard let range = html.range(of: #"name="csrf" value=""#), let end = html[range.upperBound...].firstIndex(of: "\"") else {
            throw BenchError("the sign-in page has no CSRF field")
        }
        let csrf = String(html[range.upperBound..<end])
        var request = HTTPClientRequest(url: base + "/login")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Cookie", value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        let body = "csrf=\(csrf)&username=\(username)&password=" + (password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        request.body = .bytes(ByteBuffer(string: body))
        let answer = try await client.execute(request, timeout: .seconds(30))
        _ = try await answer.body.collect(upTo: 1 << 20)
        cookies.merge(Self.cookies(answer.headers)) { $1 }
        guard answer.status == .seeOther, let session = cookies["qbb_session"] else {
            throw BenchError("sign-in answered \(answer.status) without a session cookie")
        }
        return BenchBrowser(client: client, base: base, cookie: "qbb_session=\(session)")
    }

    func get(_ path: String) async throws {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Cookie", value: cookie)
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard response.status == .ok else { throw BenchError("GET \(path) answered \(response.status): \(String(buffer: body).prefix(200))") }
    }

    static func cookies(_ headers: HTTPHeaders) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in headers["Set-Cookie"] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return cookies
    }
}
