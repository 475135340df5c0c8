import Crypto
import Emulation
import Foundation

/// HS256 JSON Web Tokens (RFC 7519) as Let's Do This API keys are: three base64url segments,
/// `<header>.<payload>.<signature>`, the signature an HMAC-SHA256 of the first two.
struct JSONWebToken {
    let encodedHeader: Substring
    let encodedPayload: Substring
    let encodedSignature: Substring
    let header: JSONObject
    let payload: JSONObject

    /// Splits and decodes a token; nil unless it has three segments whose first two are
    /// base64url-encoded JSON objects.
    init?(_ token: String) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
            let headerBytes = Base64URL.decode(segments[0]), let payloadBytes = Base64URL.decode(segments[1]),
            let header = (try? JSONParser.parse(headerBytes))?.objectValue,
            let payload = (try? JSONParser.parse(payloadBytes))?.objectValue
        else { return nil }
        encodedHeader = segments[0]
        encodedPayload = segments[1]
        encodedSignature = segments[2]
        self.header = header
        self.payload = payload
    }

    /// Whether the signature is the HMAC-SHA256 of `<header>.<payload>` as received, under
    /// `secret`. The comparison takes the same time wherever the codes differ.
    func hasValidSignature(secret: String) -> Bool {
        guard let signature = Base64URL.decode(encodedSignature) else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        let signed = Data("\(encodedHeader).\(encodedPayload)".utf8)
        return HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signed, using: key)
    }

    /// A signed token for `payload`, with the header `{"alg":"HS256","typ":"JWT"}`.
    static func sign(payload: JSONValue, secret: String) -> String {
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let body = Base64URL.encode(JSONWriter.encode(payload))
        let key = SymmetricKey(data: Data(secret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(header).\(body)".utf8), using: key)
        return "\(header).\(body).\(Base64URL.encode(Array(code)))"
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), as JWTs use it.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return String(text.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// Nil for characters outside the URL-safe alphabet (padding is tolerated).
    static func decode(_ text: Substring) -> [UInt8]? {
        var standard = ""
        standard.reserveCapacity(text.count + 3)
        for character in text {
            switch character {
            case "-": standard.append("+")
            case "_": standard.append("/")
            case "+", "/": return nil
            default: standard.append(character)
            }
        }
        while standard.hasSuffix("=") { standard.removeLast() }
        if standard.count % 4 == 1 { return nil }
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map { Array($0) }
    }
}
