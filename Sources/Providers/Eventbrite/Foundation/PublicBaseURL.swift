import Emulation

/// Where clients reach this server (spec §10.8 `public_base_url`), for the URLs it hands out
/// that must lead back to it: upload targets, uploaded files, webhook `api_url`s. The setting
/// `EVENTBRITE_PUBLIC_BASE_URL` when given, else `http://` and the request's `Host`.
enum PublicBaseURL {
    static func of(_ request: HTTPRequest, settings: EventbriteSettings) -> String {
        if let base = settings.publicBaseURL { return base }
        return "http://" + (host(of: request) ?? "127.0.0.1")
    }

    /// The API's base under it: `/eventbrite/v3`, or `/v3` for a client that reached the server
    /// by Eventbrite's own host name (host routing serves the real paths there).
    static func apiBase(of request: HTTPRequest, settings: EventbriteSettings) -> String {
        let viaRealHost = settings.publicBaseURL == nil
            && ["www.eventbriteapi.com", "www.eventbrite.com"].contains(host(of: request)?.split(separator: ":").first.map(String.init) ?? "")
        return of(request, settings: settings) + (viaRealHost ? "/v3" : "/eventbrite/v3")
    }

    /// The request's `Host`, when it is a plain host and port: the header is the client's to write.
    private static func host(of request: HTTPRequest) -> String? {
        let host = request.headers["Host"]?.trimmingWhitespace().lowercased() ?? ""
        let plain = !host.isEmpty && host.count <= 255
            && host.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0))
            }
        return plain ? host : nil
    }
}
