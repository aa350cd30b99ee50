import Foundation
import QBXML

/// A Web Connector configuration file (`.qwc`), written with the element set, order and rules of
/// docs/web-connector-protocol.md ("The .qwc file").
///
/// `validated()` refuses what the Web Connector would reject, with a reason a person can fix, before
/// anyone downloads a file that cannot work.
public struct QWCFile: Sendable, Equatable {
    /// Name shown in the Web Connector and authorized in QuickBooks.
    public var appName: String
    /// Unique name so re-adding replaces the entry instead of asking to clone it.
    public var appUniqueName: String
    /// The SOAP endpoint (`https://…/qbwc`).
    public var appURL: String
    /// A support page on the same host as `appURL`.
    public var appSupport: String
    /// Shown in the Web Connector; at most 80 characters.
    public var appDescription: String
    /// The Web Connector user name (`strUserName`); the password is typed into the Web Connector.
    public var userName: String
    /// One GUID per QBBridge installation, with braces.
    public var ownerID: String
    /// One GUID per company connection, with braces, stable across downloads.
    public var fileID: String
    /// Minutes between automatic updates, or nil for manual runs only.
    public var runEveryMinutes: Int?
    /// Whether the application only reads.
    public var isReadOnly: Bool

    /// The Web Connector's limit on AppDescription.
    public static let maximumDescriptionLength = 80

    /// Creates a file description.
    public init(appName: String, appUniqueName: String, appURL: String, appSupport: String, appDescription: String,
                userName: String, ownerID: String, fileID: String, runEveryMinutes: Int?, isReadOnly: Bool) {
        self.appName = appName
        self.appUniqueName = appUniqueName
        self.appURL = appURL
        self.appSupport = appSupport
        self.appDescription = appDescription
        self.userName = userName
        self.ownerID = ownerID
        self.fileID = fileID
        self.runEveryMinutes = runEveryMinutes
        self.isReadOnly = isReadOnly
    }

    /// Checks every rule and returns the document text.
    public func rendered() throws(QWCError) -> String {
        try validate()
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            "<QBWCXML>",
            element("AppName", appName),
            "  <AppID></AppID>",
            element("AppURL", appURL),
            element("AppDescription", appDescription),
            element("AppSupport", appSupport),
            element("AppDisplayName", appName),
            element("AppUniqueName", appUniqueName),
            element("UserName", userName),
            element("OwnerID", ownerID),
            element("FileID", fileID),
            "  <QBType>QBFS</QBType>",
        ]
        if let minutes = runEveryMinutes {
            lines.append("  <Scheduler>")
            lines.append("    <RunEveryNMinutes>\(minutes)</RunEveryNMinutes>")
            lines.append("  </Scheduler>")
        }
        lines.append("  <IsReadOnly>\(isReadOnly ? "true" : "false")</IsReadOnly>")
        lines.append("  <PersonalDataPref>pdpOptional</PersonalDataPref>")
        lines.append("  <UnattendedModePref>umpRequired</UnattendedModePref>")
        lines.append("  <AuthFlags>0xF</AuthFlags>")
        lines.append("  <Notify>false</Notify>")
        lines.append("  <Style>Document</Style>")
        lines.append("</QBWCXML>")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func element(_ name: String, _ value: String) -> String {
        "  <\(name)>\(XMLEscaping.escapeText(value))</\(name)>"
    }

    /// The rules a Web Connector applies when it loads the file.
    public func validate() throws(QWCError) {
        for (field, value) in [("AppName", appName), ("UserName", userName), ("AppDescription", appDescription)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .emptyField(field)
        }
        guard appDescription.count <= Self.maximumDescriptionLength else {
            throw .descriptionTooLong(length: appDescription.count, limit: Self.maximumDescriptionLength)
        }
        guard let url = URL(string: appURL), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .invalidURL(field: "AppURL", value: appURL)
        }
        switch scheme {
        case "https": break
        case "http" where Self.isLocal(host): break
        case "http": throw .plainHTTP(host: host)
        default: throw .invalidURL(field: "AppURL", value: appURL)
        }
        guard let support = URL(string: appSupport), let supportHost = support.host,
              ["http", "https"].contains(support.scheme?.lowercased() ?? "") else {
            throw .invalidURL(field: "AppSupport", value: appSupport)
        }
        guard supportHost.lowercased() == host.lowercased() else {
            throw .supportHostDiffers(appURLHost: host, supportHost: supportHost)
        }
        for (field, value) in [("OwnerID", ownerID), ("FileID", fileID)] where !Self.isBracedGUID(value) {
            throw .invalidGUID(field: field, value: value)
        }
        if let minutes = runEveryMinutes, !(1...1440).contains(minutes) {
            throw .invalidSchedule(minutes: minutes)
        }
    }

    /// `localhost`, `*.localhost`, loopback addresses: the only hosts where the Web Connector accepts http.
    public static func isLocal(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }

    /// `{8-4-4-4-12}` hexadecimal with braces (qbXML GUIDTYPE, without the `0` form).
    public static func isBracedGUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 38, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return false }
        for (offset, byte) in bytes.dropFirst().dropLast().enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte) else { return false }
            }
        }
        return true
    }

    /// A new random GUID in the braced, upper-case form QuickBooks stamps.
    public static func newGUID() -> String {
        "{" + UUID().uuidString.uppercased() + "}"
    }
}

/// Why a `.qwc` file cannot be produced: each would make the Web Connector refuse the file or fail later.
public enum QWCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required field is empty.
    case emptyField(String)
    /// AppDescription is longer than the Web Connector shows.
    case descriptionTooLong(length: Int, limit: Int)
    /// A URL field does not parse as an absolute http(s) URL.
    case invalidURL(field: String, value: String)
    /// AppURL is plain http on a host that is not local.
    case plainHTTP(host: String)
    /// AppSupport is on another host than AppURL.
    case supportHostDiffers(appURLHost: String, supportHost: String)
    /// OwnerID or FileID is not a braced GUID.
    case invalidGUID(field: String, value: String)
    /// The schedule is outside 1…1440 minutes.
    case invalidSchedule(minutes: Int)

    public var description: String {
        switch self {
        case .emptyField(let field):
            "The .qwc field \(field) is empty; the Web Connector requires it."
        case .descriptionTooLong(let length, let limit):
            "AppDescription is \(length) characters; the Web Connector shows at most \(limit). Shorten the company's display name."
        case .invalidURL(let field, let value):
            "\(field) \"\(value)\" is not an absolute http(s) URL. Set --public-url to the address the Web Connector reaches, e.g. https://qb.example.com."
        case .plainHTTP(let host):
            "The public URL uses plain http on \(host); the Web Connector accepts http only for localhost. Serve HTTPS (--tls-cert/--tls-key or a TLS proxy) and set --public-url https://\(host)/."
        case .supportHostDiffers(let appHost, let supportHost):
            "AppSupport is on \(supportHost) but AppURL is on \(appHost); the Web Connector requires the same host."
        case .invalidGUID(let field, let value):
            "\(field) \"\(value)\" is not a GUID in braces like {8-4-4-4-12}."
        case .invalidSchedule(let minutes):
            "Run every \(minutes) minutes is outside 1…1440."
        }
    }
}
