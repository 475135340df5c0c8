import Emulation
import Foundation
import Testing

/// HTTP Basic client credentials and the shared bearer-token reader.
@Suite struct RequestCredentialsTests {
    private func basic(_ authorization: String?) -> BasicCredentials.Reading {
        BasicCredentials.read(authorization.map { HTTPHeaders([("Authorization", $0)]) } ?? HTTPHeaders())
    }

    private func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func readsBasicCredentials() {
        #expect(basic("Basic \(base64("client:secret"))") == .credentials(BasicCredentials(id: "client", secret: "secret")))
        #expect(basic("bAsIc   \(base64("client:secret"))  ") == .credentials(BasicCredentials(id: "client", secret: "secret")))
        // Only the first colon separates: secrets may hold colons.
        #expect(basic("Basic \(base64("id:a:b"))") == .credentials(BasicCredentials(id: "id", secret: "a:b")))
        #expect(basic("Basic \(base64("id:"))") == .credentials(BasicCredentials(id: "id", secret: "")))
    }

    @Test func percentDecodesIdAndSecretAsRFC6749Says() {
        #expect(basic("Basic \(base64("my%20app:s3cr%3At+%25"))") == .credentials(BasicCredentials(id: "my app", secret: "s3cr:t %")))
        let credentials = BasicCredentials(id: "my app", secret: "s3cr:t %/é")
        #expect(basic(credentials.headerValue) == .credentials(credentials))
    }

    @Test func acceptsBase64WithoutPadding() {
        let unpadded = base64("ab:c").replacingOccurrences(of: "=", with: "")
        #expect(basic("Basic \(unpadded)") == .credentials(BasicCredentials(id: "ab", secret: "c")))
    }

    @Test func otherSchemesAndNoHeaderAreAbsent() {
        #expect(basic(nil) == .absent)
        #expect(basic("Bearer abc") == .absent)
        #expect(basic("Basically \(base64("a:b"))") == .absent)
    }

    @Test func malformedBasicCredentials() {
        #expect(basic("Basic") == .malformed)
        #expect(basic("Basic ") == .malformed)
        #expect(basic("Basic !!!not-base64!!!") == .malformed)
        #expect(basic("Basic a") == .malformed)
        #expect(basic("Basic \(base64("no colon"))") == .malformed)
    }

    private func bearer(
        _ authorization: String?, query: String = "", parameter: String? = "access_token", whenBoth: BearerCredential.WhenBoth = .refuse
    ) -> BearerCredential {
        let headers = authorization.map { HTTPHeaders([("Authorization", $0)]) } ?? HTTPHeaders()
        return BearerCredential.read(headers: headers, query: QueryParameters(query), queryParameter: parameter, whenBoth: whenBoth)
    }

    @Test func readsBearerTokensFromTheHeader() {
        #expect(bearer("Bearer abc") == .token("abc"))
        #expect(bearer("bearer abc") == .token("abc"))
        #expect(bearer("BEARER \t abc  ") == .token("abc"))
    }

    @Test func readsBearerTokensFromTheQuery() {
        #expect(bearer(nil, query: "access_token=abc%2Bdef") == .token("abc+def"))
        #expect(bearer(nil, query: "token=abc", parameter: "token") == .token("abc"))
        // Another provider's parameter name is not a credential.
        #expect(bearer(nil, query: "token=abc") == BearerCredential.absent)
        #expect(bearer(nil, query: "access_token=abc", parameter: nil) == BearerCredential.absent)
    }

    @Test func emptyValuesCountAsAbsent() {
        #expect(bearer(nil) == BearerCredential.absent)
        #expect(bearer(nil, query: "access_token=") == BearerCredential.absent)
        #expect(bearer("   ") == BearerCredential.absent)
        #expect(bearer("", query: "access_token=abc") == .token("abc"))
    }

    @Test func malformedHeaders() {
        for header in ["Bearer", "Bearer ", "Token abc", "Basic YTpi", "Bearer abc def", "Bearerabc"] {
            #expect(bearer(header) == .malformedHeader, "\(header)")
        }
    }

    @Test func bothHeaderAndQueryAreRefusedOrTheHeaderWins() {
        #expect(bearer("Bearer abc", query: "access_token=def") == .headerAndQuery)
        #expect(bearer("Basic YTpi", query: "access_token=def") == .headerAndQuery)
        #expect(bearer("Bearer abc", query: "token=def", parameter: "token", whenBoth: .headerWins) == .token("abc"))
        #expect(bearer("Token abc", query: "token=def", parameter: "token", whenBoth: .headerWins) == .malformedHeader)
        // An empty query value is absent, so the header alone decides.
        #expect(bearer("Bearer abc", query: "access_token=") == .token("abc"))
    }
}
