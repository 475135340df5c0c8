import Foundation

/// Percent-encoding of a URL component or form value (RFC 3986 §2.1): everything but the
/// unreserved characters is escaped, so the text survives any position in a URL or form body.
public enum PercentEncoding {
    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
