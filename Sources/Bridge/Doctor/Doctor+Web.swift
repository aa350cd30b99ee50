import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import WebConnector
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The public URL's checks: its form, its name, the answer on `/qbwc`, the certificate chain against the system's trust
/// store and its days left (docs/operations.md, "qbbridge doctor"). What the Web Connector shows for each failure is
/// named: QBWC1010 for plain http, QBWC1048 for a certificate it does not trust.
extension Doctor {
    struct WebFindings: Sendable {
        var notes: [String] = []
        var checks: [DoctorCheck] = []
        /// The server's Date header minus this machine's clock, in seconds.
        var clockSkew: Double?
    }

    /// One HTTP answer on `/qbwc`.
    private struct Answer: Sendable {
        var status: Int
        var body: String
        var date: Date?
    }

    static let certificateWebConnector = "The Web Connector will refuse this address the same way (QBWC1048, \"could not verify the certificate\")."

    func checkWeb(now: @Sendable () -> Date) async -> WebFindings {
        var findings = WebFindings()
        let publicURL = configuration.publicURL
        let fixURL = "Set QBBRIDGE_PUBLIC_URL (or --public-url) to the address the Web Connector reaches, such as https://qb.example.com."
        guard let url = URL(string: publicURL), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let rawHost = url.host, !rawHost.isEmpty else {
            findings.checks.append(.failed("url", "Public URL: \(publicURL) is not an absolute http(s) URL", fix: fixURL))
            return findings
        }
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let https = scheme == "https"
        let port = url.port ?? (https ? 443 : 80)
        if https {
            findings.checks.append(.passed("url", "Public URL: \(publicURL) is https"))
        } else if QWCFile.isLocal(host) {
            findings.checks.append(.passed("url", "Public URL: \(publicURL) is plain http on a local host, which the Web Connector accepts only on this same computer"))
        } else {
            findings.checks.append(.failed("url", "Public URL: \(publicURL) is plain http; the Web Connector refuses it for any host but localhost (QBWC1010)",
                                           fix: "Serve HTTPS: put a TLS proxy such as Caddy in front of QBBridge (README, \"Connecting a real Web Connector\") or use serve --tls-cert/--tls-key, and set QBBRIDGE_PUBLIC_URL to the https:// address."))
        }

        // The name.
        let override = configuration.resolve.first { $0.host == host && $0.port == port }
        let address: String
        if let override {
            address = override.address
            findings.checks.append(.passed("dns", "Name: \(host) port \(port) goes to \(address) (from --resolve; DNS was not asked)"))
        } else if ResolveOverride.isIPAddress(host) {
            address = host
            findings.checks.append(.passed("dns", "Name: \(host) is an address; nothing to resolve"))
        } else {
            switch Self.resolve(host) {
            case .success(let addresses):
                address = host
                findings.checks.append(.passed("dns", "Name: \(host) resolves to \(addresses.joined(separator: ", "))"))
            case .failure(let reason):
                findings.checks.append(.failed("dns", "Name: \(host) does not resolve (\(reason))",
                                               fix: "Point the host name's DNS record at this server or the proxy in front of it. To test before DNS changes, add --resolve \(host):\(port):ADDRESS."))
                findings.checks.append(.skipped("https", "Answer on /qbwc: not checked, the name does not resolve"))
                if https { findings.checks.append(.skipped("certificate.chain", "Certificate: not checked, the name does not resolve")) }
                return findings
            }
        }

        // Extra trust roots, said out loud: a ✔ that depends on them holds only where they are installed too.
        var extraRoots: [NIOSSLCertificate] = []
        if let file = configuration.extraRootsFile {
            do {
                extraRoots = try NIOSSLCertificate.fromPEMFile(file)
                findings.notes.append("Extra trust roots from --ca-file \(file) (\(extraRoots.count) certificate\(extraRoots.count == 1 ? "" : "s")) are added to the system's trust store for this run: the certificate checks pass only where they are trusted too, so the Web Connector's Windows must have them installed.")
            } catch {
                findings.checks.append(.failed("ca-file", "--ca-file \(file) cannot be read as PEM certificates: \(error)",
                                               fix: "Give a PEM file holding the root certificate(s) of your private authority."))
            }
        }

        let endpoint = Self.base(publicURL) + "/qbwc"
        let verified = await fetch(endpoint, host: host, address: override?.address, extraRoots: extraRoots, verification: .fullVerification)
        let answer: Answer
        var chainTrusted = true
        switch verified {
        case .success(let value):
            answer = value
        case .failure(let error) where https && Self.isTLSError(error):
            // The certificate was refused: look past it to tell whether QBBridge answers there at all.
            chainTrusted = false
            switch await fetch(endpoint, host: host, address: override?.address, extraRoots: extraRoots, verification: .none) {
            case .success(let value): answer = value
            case .failure(let error):
                findings.checks.append(.failed("https", "Answer on \(endpoint): the TLS connection fails: \(error)",
                                               fix: "Check the TLS set-up of the proxy (or serve --tls-cert/--tls-key) at \(address):\(port)."))
                return findings
            }
        case .failure(let error):
            findings.checks.append(.failed("https", "Answer on \(endpoint): nothing answers at \(address) port \(port) (\(Self.plain(error)))",
                                           fix: "Start QBBridge (or the TLS proxy in front of it), open port \(port) in the firewall, and check that the name points at this machine."))
            if https { findings.checks.append(.skipped("certificate.chain", "Certificate: not checked, nothing answered")) }
            return findings
        }
        findings.clockSkew = answer.date.map { $0.timeIntervalSince(now()) }
        let unverifiedNote = chainTrusted ? "" : " (with the certificate check turned off, see below)"
        if answer.status == 200, answer.body.contains("QBBridge") {
            findings.checks.append(.passed("https", "Answer on \(endpoint): QBBridge answered 200 over \(https ? "HTTPS" : "plain http")\(unverifiedNote)"))
        } else {
            let fix = switch answer.status {
            case 502, 503, 504: "The proxy in front of QBBridge cannot reach it: check that qbbridge serve runs and the proxy's upstream address and port."
            case 401, 403, 407: "Something in front of QBBridge asks for a sign-in or refuses the request; the Web Connector cannot pass it. Let /qbwc through unchanged."
            default: "Check that the public URL leads to QBBridge: its /qbwc answers 200 with a one-line note naming QBBridge."
            }
            findings.checks.append(.failed("https", "Answer on \(endpoint): HTTP \(answer.status), not QBBridge's endpoint note\(unverifiedNote)", fix: fix))
        }
        guard https else { return findings }

        // The certificate: the presented chain, for the days left and the reason of a refusal.
        let chain: [NIOSSLCertificate]
        do {
            chain = try await TLSProbe.presentedChain(serverName: host, address: address, port: port, timeoutSeconds: configuration.timeoutSeconds)
        } catch {
            findings.checks.append(.failed("certificate.chain", "Certificate: could not be read from \(address):\(port): \(error)",
                                           fix: "Check the TLS set-up of the proxy (or serve --tls-cert/--tls-key)."))
            return findings
        }
        let roots = extraRoots.isEmpty ? "the system's trust store" : "the system's trust store and the --ca-file roots"
        if chainTrusted {
            findings.checks.append(.passed("certificate.chain", "Certificate chain: verified for \(host) with \(roots)\(Self.describe(chain))"))
        } else {
            let trustedIgnoringHost = (try? await fetch(endpoint, host: host, address: override?.address, extraRoots: extraRoots,
                                                        verification: .noHostnameVerification).get()) != nil
            let explanation = Self.explainRefusal(chain: chain, host: host, trustedIgnoringHost: trustedIgnoringHost, now: now(), roots: roots)
            findings.checks.append(.failed("certificate.chain", "Certificate chain: refused with \(roots): \(explanation.reason)\(Self.describe(chain))",
                                           fix: explanation.fix + " " + Self.certificateWebConnector))
        }
        if let leaf = chain.first {
            let secondsLeft = Double(leaf.notValidAfter) - now().timeIntervalSince1970
            let days = Int((secondsLeft / 86_400).rounded(.down))
            let until = Self.day(leaf.notValidAfter)
            if secondsLeft <= 0 {
                let ago = Int((-secondsLeft / 86_400).rounded(.down))
                findings.checks.append(.failed("certificate.expiry", "Certificate expiry: expired on \(until), \(ago) day\(ago == 1 ? "" : "s") ago",
                                               fix: "Renew the certificate (a proxy such as Caddy renews by itself when it can reach its ACME authority) and reload the proxy."))
            } else if days < configuration.minimumDaysLeft {
                findings.checks.append(.failed("certificate.expiry", "Certificate expiry: \(days) day\(days == 1 ? "" : "s") left (until \(until)), fewer than \(configuration.minimumDaysLeft)",
                                               fix: "Renew the certificate now; automatic renewal normally happens 30 days ahead, so check why it has not (the proxy's log)."))
            } else {
                findings.checks.append(.passed("certificate.expiry", "Certificate expiry: \(days) days left (until \(until))"))
            }
        }
        return findings
    }

    /// Why a chain was refused, from what it holds, in plain words, and the fix.
    static func explainRefusal(chain: [NIOSSLCertificate], host: String, trustedIgnoringHost: Bool, now: Date,
                               roots: String) -> (reason: String, fix: String) {
        guard let leaf = chain.first else {
            return ("the server presented no certificate", "Configure a certificate for \(host) on the proxy or with serve --tls-cert.")
        }
        if Double(leaf.notValidAfter) < now.timeIntervalSince1970 {
            return ("it expired on \(day(leaf.notValidAfter))", "Renew the certificate and reload the proxy (or restart serve with the new --tls-cert).")
        }
        if Double(leaf.notValidBefore) > now.timeIntervalSince1970 {
            return ("it is not valid until \(day(leaf.notValidBefore))",
                    "Check this machine's clock (and the certificate's issuer's); a certificate from the future means one of them is wrong.")
        }
        let names = dnsNames(leaf)
        let hostMatches = names.contains { matches(pattern: $0, host: host) }
        if trustedIgnoringHost || !hostMatches {
            if trustedIgnoringHost || !names.isEmpty {
                return ("it is for \(names.isEmpty ? "no host name" : names.joined(separator: ", ")), not \(host) (wrong host name)",
                        "Get a certificate that names \(host), or set QBBRIDGE_PUBLIC_URL to a name the certificate covers.")
            }
        }
        let subject = commonName(leaf.subjectName)
        if chain.count == 1, leaf.subjectName == leaf.issuerName {
            return ("it is self-signed (\(subject)), and no trust store knows it",
                    "Use a certificate from a public authority such as Let's Encrypt (Caddy gets one by itself), or install your private authority's root in Windows' Trusted Root Certification Authorities on the Web Connector's computer.")
        }
        return ("its issuer \"\(commonName(leaf.issuerName))\" is not in \(roots) (unknown issuer)",
                "Use a certificate from a public authority, send the full chain with its intermediate certificate, or install your private authority's root in Windows' Trusted Root Certification Authorities on the Web Connector's computer.")
    }

    /// The host names a certificate covers (subjectAltName DNS entries).
    static func dnsNames(_ certificate: NIOSSLCertificate) -> [String] {
        certificate._subjectAlternativeNames().compactMap { name in
            name.nameType == .dnsName ? String(decoding: Array(name.contents), as: UTF8.self).lowercased() : nil
        }
    }

    /// A name matches itself, and `*.example.com` matches one label in front of example.com.
    static func matches(pattern: String, host: String) -> Bool {
        if pattern == host { return true }
        guard pattern.hasPrefix("*."), let dot = host.firstIndex(of: ".") else { return false }
        return host[host.index(after: dot)...] == pattern.dropFirst(2)
    }

    private static func commonName(_ name: [SSLCertificateName]) -> String {
        name.first { $0.type == .commonName }.map { "CN=\($0.value)" } ?? name.map(\.value).joined(separator: ", ")
    }

    private static func describe(_ chain: [NIOSSLCertificate]) -> String {
        guard let leaf = chain.first else { return "" }
        return "; leaf \(commonName(leaf.subjectName)) issued by \(commonName(leaf.issuerName))"
    }

    private static func day(_ time: time_t) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: Double(time)))
    }

    /// GET `url` with the given certificate verification; the trust store is the system's plus the extra roots.
    private func fetch(_ url: String, host: String, address: String?, extraRoots: [NIOSSLCertificate],
                       verification: CertificateVerification) async -> Result<Answer, any Error> {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = verification
        if !extraRoots.isEmpty { tls.additionalTrustRoots = [.certificates(extraRoots)] }
        let timeout = TimeAmount.seconds(configuration.timeoutSeconds)
        var settings = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow,
                                                timeout: .init(connect: timeout, read: timeout))
        // A refused certificate or connection is the answer; trying again would only make the doctor slow.
        settings.connectionPool.retryConnectionEstablishment = false
        if let address { settings.dnsOverride = [host: address] }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        let result: Result<Answer, any Error>
        do {
            let response = try await client.execute(HTTPClientRequest(url: url), timeout: timeout)
            let body = try await response.body.collect(upTo: 64 << 10)
            result = .success(Answer(status: Int(response.status.code), body: String(buffer: body),
                                     date: response.headers.first(name: "Date").flatMap(Self.httpDate)))
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        return result
    }

    static func isTLSError(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }

    private static func plain(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("connectTimeout") || text.contains("timeout") { return "no answer, timed out" }
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "connection refused" }
        return text
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// The addresses a name resolves to, or why it does not.
    static func resolve(_ host: String) -> Result<[String], ResolveFailure> {
        var hints = addrinfo()
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else { return .failure(ResolveFailure(description: String(cString: gai_strerror(status)))) }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            cursor = entry.pointee.ai_next
        }
        return .success(addresses)
    }

    struct ResolveFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The clock check: this machine against the HTTPS answer's Date header and PostgreSQL's clock.
    func clockCheck(database: Double?, web: Double?) -> DoctorCheck {
        let tolerance = configuration.clockToleranceSeconds
        var compared: [String] = []
        var off: [String] = []
        for (name, skew) in [("the database server", database), ("the HTTPS answer's Date header", web)] {
            guard let skew else { continue }
            compared.append(name)
            // The Date header has whole seconds: allow one more.
            if abs(skew) > tolerance + 1 { off.append("\(name) is \(Int(abs(skew).rounded())) s \(skew > 0 ? "ahead" : "behind")") }
        }
        if compared.isEmpty {
            return .skipped("clock", "Clock: nothing to compare with (no answer with a Date header, no PostgreSQL server)")
        }
        guard off.isEmpty else {
            return .failed("clock", "Clock: this machine's clock disagrees: " + off.joined(separator: "; "),
                           fix: "Turn on time synchronisation (NTP, e.g. systemd-timesyncd or chrony) on this machine and the others; tickets, schedules and certificate dates depend on it.")
        }
        return .passed("clock", "Clock: agrees within \(Int(tolerance)) s with " + compared.joined(separator: " and "))
    }
}
