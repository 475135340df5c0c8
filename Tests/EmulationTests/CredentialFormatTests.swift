import Emulation
import Testing

/// Deterministic credential values in each provider's format.
@Suite struct CredentialFormatTests {
    @Test func bookingkitTokensAre40LowercaseHex() {
        for counter in UInt64(0)..<200 {
            let value = CredentialFormat.lowercaseHex40.value(sequence: "bookingkit.access_token", counter: counter)
            #expect(value.count == 40)
            #expect(value.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }, "\(value)")
        }
    }

    @Test func eventbriteValuesAre20UpperCaseAlphanumerics() {
        for counter in UInt64(0)..<200 {
            let value = CredentialFormat.uppercaseAlphanumeric20.value(sequence: "eventbrite.code", counter: counter)
            #expect(value.count == 20)
            #expect(value.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }, "\(value)")
        }
    }

    @Test func valuesAreDeterministicAndDistinct() {
        let format = CredentialFormat.uppercaseAlphanumeric20
        let first = (UInt64(0)..<5000).map { format.value(sequence: "eventbrite.access_token", counter: $0) }
        let again = (UInt64(0)..<5000).map { format.value(sequence: "eventbrite.access_token", counter: $0) }
        #expect(first == again)
        #expect(Set(first).count == first.count)
        // Each sequence has values of its own.
        #expect(format.value(sequence: "eventbrite.code", counter: 0) != first[0])
    }

    @Test func valuesLookRandom() {
        // Neighbouring counters share no prefix, and every character position varies.
        let values = (UInt64(0)..<500).map { CredentialFormat.lowercaseHex40.value(sequence: "s", counter: $0) }
        for position in 0..<40 {
            let characters = Set(values.map { Array($0)[position] })
            #expect(characters.count == 16, "position \(position) uses only \(characters.sorted())")
        }
    }
}
