import Emulation

/// Where clients reach this server (spec §10.8 `public_base_url`), for the URLs it hands out
/// that must lead back to it: upload targets, uploaded files, webhook `api_url`s. The setting
/// `EVENTBRITE_PUBLIC_BASE_URL` when given, else `http://` and the request's `Host`.
enum PublicBaseURL {
    static func of(_ request: HTTPRequest, settings: EventbriteSettings) -> String {
        if let base = settings.publicBaseURL { return base }
        let host = request.headers["Host"]?.trimmingWhitespace() ?? ""
        // A Host header is the client's to write: anything but a plain host and port is ignored.
        let plain = !host.isEmpty && host.count <= 255
            && host.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:[]".unicodeScalars.contains($0)) }
        return "http://" + (plain ? host : "127.0.0.1")
    }
}
