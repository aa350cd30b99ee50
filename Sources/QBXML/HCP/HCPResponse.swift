/// The "HCP" response QBWC hands to the first `sendRequestXML` of a run as `strHCPResponse`:
/// `HostQueryRs`, `CompanyQueryRs` and `PreferencesQueryRs` in one document (docs/web-connector-protocol.md, "The host report and qbXML version negotiation").
///
/// Parsing is tolerant because the host part is what matters (it decides the qbXML version) and
/// real captures are not always well-formed: a document that breaks inside `CompanyRet` still
/// yields the `HostRet` read before the break. A record cut by the break is dropped whole (a
/// partial company could hide the `FileID` stamp), and `problem` says where reading stopped.
public struct HCPResponse: Sendable, Codable, Equatable {
    /// `HostRet`, when present.
    public var host: HostInfo?
    /// `CompanyRet`, when present and complete.
    public var company: CompanyInfo?
    /// `PreferencesRet`, when present and complete.
    public var preferences: PreferencesInfo?
    /// Why reading stopped early (the parse error), nil when the whole document was read.
    public var problem: String?

    /// An HCP response from its parts.
    public init(host: HostInfo? = nil, company: CompanyInfo? = nil, preferences: PreferencesInfo? = nil, problem: String? = nil) {
        self.host = host
        self.company = company
        self.preferences = preferences
        self.problem = problem
    }

    /// Reads `strHCPResponse`. Throws only when nothing usable was read before an error
    /// (e.g. an empty string, a DOCTYPE, or a document broken before `HostRet` ends).
    public init(parsing xml: String) throws(QBXMLError) {
        self.init()
        let reader = try QBXMLResponseReader(string: xml)
        do {
            while let event = try reader.next() {
                guard case .record(let record) = event else { continue }
                switch record {
                case .host(let host): self.host = host
                case .company(let company): self.company = company
                case .preferences(let preferences): self.preferences = preferences
                default: break
                }
            }
        } catch {
            guard host != nil else { throw error }
            problem = error.description
        }
    }

    /// The qbXML version to use with this host, nil when there is no host or it is too old.
    public var negotiatedVersion: QBXMLVersion? {
        host?.negotiatedVersion
    }
}
