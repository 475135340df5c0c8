import Emulation
import Foundation
import Testing

/// The world's token store: lookups, listings in order, and what a reset keeps.
@Suite struct TokenStoreTests {
    private func token(_ provider: String, _ value: String, _ origin: IssuedToken.Origin, keptOnReset: Bool = true, user: String = "u1")
        -> IssuedToken
    {
        IssuedToken(
            provider: provider, value: value, subject: JSONObject([("userId", .string(user))]), purpose: "for \(value)",
            origin: origin, keptOnReset: keptOnReset)
    }

    @Test func tokensAreFoundByProviderAndExactValue() {
        let store = TokenStore([token("a", "seeded", .seed), token("b", "seeded", .environment, user: "u2")])
        #expect(store.token(provider: "a", value: "seeded")?.subject["userId"] == "u1")
        #expect(store.token(provider: "b", value: "seeded")?.subject["userId"] == "u2")
        #expect(store.token(provider: "a", value: "Seeded") == nil)
        #expect(store.token(provider: "c", value: "seeded") == nil)
    }

    @Test func listingsKeepTheOrderAddedAndAReplacementKeepsItsPlace() {
        let store = TokenStore([token("a", "one", .seed), token("a", "two", .seed), token("b", "other", .seed)])
        store.add(token("a", "three", .minted))
        store.add(token("a", "one", .minted, user: "u9"))
        #expect(store.tokens(provider: "a").map(\.value) == ["one", "two", "three"])
        #expect(store.tokens(provider: "a").first?.subject["userId"] == "u9")
        #expect(store.remove(provider: "a", value: "two"))
        #expect(!store.remove(provider: "a", value: "two"))
        #expect(store.tokens(provider: "a").map(\.value) == ["one", "three"])
        #expect(store.tokens(provider: "b").map(\.value) == ["other"])
        #expect(store.tokens(provider: "none").isEmpty)
    }

    @Test func aResetRestoresTheInitialTokensAndKeepsOnlyTheMintedOnesMeantToLast() {
        let store = TokenStore([token("a", "seeded", .seed), token("a", "configured", .environment), token("b", "seeded", .seed)])
        store.add(token("a", "oauth", .minted, keptOnReset: false))
        store.add(token("a", "lasting", .minted))
        store.add(token("a", "seeded", .minted, keptOnReset: false, user: "u9"))
        store.remove(provider: "a", value: "configured")
        store.add(token("b", "session", .minted, keptOnReset: false))

        store.reset(provider: "a")
        #expect(store.tokens(provider: "a").map(\.value) == ["seeded", "configured", "lasting"])
        #expect(store.token(provider: "a", value: "seeded")?.subject["userId"] == "u1")
        #expect(store.token(provider: "b", value: "session") != nil)

        store.reset(provider: nil)
        #expect(store.tokens(provider: "b").map(\.value) == ["seeded"])
        #expect(store.tokens(provider: "a").map(\.value) == ["seeded", "configured", "lasting"])
    }

    @Test func aListingNamesWhatTheTokenIsFor() {
        var issued = token("a", "t", .minted)
        issued.scopes = ["calendar_read"]
        issued.clientID = "client-1"
        issued.expiresAt = Date(timeIntervalSince1970: 1_767_225_600)
        #expect(issued.listing == [
            "token": "t", "purpose": "for t", "origin": "minted", "userId": "u1", "scopes": ["calendar_read"],
            "client_id": "client-1", "expires_at": "2026-01-01T00:00:00.000Z",
        ])
        #expect(issued.isExpired(at: Date(timeIntervalSince1970: 1_767_225_600)))
        #expect(!issued.isExpired(at: Date(timeIntervalSince1970: 1_767_225_599)))
    }
}
