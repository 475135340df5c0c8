import Foundation
import HTTPServer

/// HTTP Basic credentials (RFC 7617) as OAuth clients send them (RFC 6749 §2.3.1): the id and
/// secret are form-urlencoded before they are joined with `:` and base64-encoded, so both are
/// percent-decoded here (`+` is a space).
public struct BasicCredentials: Sendable, Equatable {
    public let id: String
    public let secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// What an `Authorization` header holds.
    public enum Reading: Sendable, Equatable {
        /// No `Authorization` header, or one with another scheme.
        case absent
        /// `Basic` with no token, a token that is not base64, or one whose text has no `:`.
        case malformed
        case credentials(BasicCredentials)
    }

    /// Reads the first `Authorization` header. The scheme is case-insensitive (RFC 7617 §2);
    /// base64 padding may be left out, as some clients do.
    public static func read(_ headers: HTTPHeaders) -> Reading {
        guard let header = headers["Authorization"] else { return .absent }
        let value = header.trimmingWhitespace()
        let scheme = value.prefix { $0 != " " && $0 != "\t" }
        guard scheme.lowercased() == "basic" else { return .absent }
        var encoded = value.dropFirst(scheme.count).trimmingWhitespace()
        guard !encoded.isEmpty, encoded.count % 4 != 1 else { return .malformed }
        encoded += String(repeating: "=", count: (4 - encoded.count % 4) % 4)
        guard let data = Data(base64Encoded: encoded) else { return .malformed }
        let text = String(decoding: data, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return .malformed }
        return .credentials(
            BasicCredentials(
                id: PercentDecoding.decode(text[..<colon], plusAsSpace: true),
                secret: PercentDecoding.decode(text[text.index(after: colon)...], plusAsSpace: true)))
    }

    /// The header value a client sends for these credentials (for listings and tests).
    public var headerValue: String {
        "Basic " + Data("\(PercentEncoding.encode(id)):\(PercentEncoding.encode(secret))".utf8).base64EncodedString()
    }
}
