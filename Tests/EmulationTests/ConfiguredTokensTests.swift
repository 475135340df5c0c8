import Emulation
import Testing

/// `[IssuedToken].replacing(with:)`: configured tokens after the seeded ones, winning over the same text.
@Suite struct ConfiguredTokensTests {
    private func token(_ value: String, _ purpose: String, _ origin: IssuedToken.Origin) -> IssuedToken {
        IssuedToken(provider: "kit", value: value, subject: JSONObject(), purpose: purpose, origin: origin)
    }

    @Test func aConfiguredTokenReplacesTheSeededOneOfTheSameTextAndComesLast() {
        let seeded = [token("a", "seed a", .seed), token("b", "seed b", .seed), token("c", "seed c", .seed)]
        let merged = seeded.replacing(with: [token("b", "configured b", .environment), token("d", "configured d", .environment)])
        #expect(merged.map(\.value) == ["a", "c", "b", "d"])
        #expect(merged.map(\.purpose) == ["seed a", "seed c", "configured b", "configured d"])
    }

    @Test func withoutConfiguredTokensTheSeededOnesStayAsTheyAre() {
        let seeded = [token("a", "seed a", .seed), token("b", "seed b", .seed)]
        #expect(seeded.replacing(with: []).map(\.value) == ["a", "b"])
    }
}
