/// How a provider's generated credentials look (bookingkit's tokens: 40 lowercase hex
/// characters; Eventbrite's tokens and codes: 20 upper-case alphanumerics), and the
/// deterministic sequence of values in that look.
///
/// Values come from a counter, not a random source, so the same requests in a fresh world mint
/// the same values. Distinct counters always give distinct values: the counter is mixed by a
/// bijection into 64 bits that are written out in full (offset by the rest of the value, which
/// only hides their bias), so the value determines the counter.
public struct CredentialFormat: Sendable {
    public let alphabet: [Character]
    public let length: Int
    /// How many characters it takes to write any 64-bit number in the alphabet.
    private let uniqueDigits: Int

    /// `length` must leave room for 64 bits in `alphabet` (16 hex or 13 alphanumeric characters).
    public init(alphabet: String, length: Int) {
        self.alphabet = Array(alphabet)
        self.length = length
        let base = UInt64(self.alphabet.count)
        precondition(base >= 2, "a credential alphabet needs two characters at least")
        var digits = 0
        var capacity: UInt64 = 1
        while true {
            digits += 1
            let (product, overflow) = capacity.multipliedReportingOverflow(by: base)
            if overflow { break }
            capacity = product
        }
        precondition(length >= digits, "\(length) characters cannot tell 2^64 values apart in a \(base)-letter alphabet")
        uniqueDigits = digits
    }

    /// 40 lowercase hex characters (bookingkit's access tokens).
    public static let lowercaseHex40 = CredentialFormat(alphabet: "0123456789abcdef", length: 40)
    /// 20 upper-case letters and digits (Eventbrite's OAuth codes and tokens).
    public static let uppercaseAlphanumeric20 = CredentialFormat(alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length: 20)

    /// The `counter`th value of the sequence `sequence` (e.g. `bookingkit.access_token`).
    public func value(sequence: String, counter: UInt64) -> String {
        let base = UInt64(alphabet.count)
        let unique = Self.mix(Self.fnv1a(sequence) &+ counter &* 0x9E37_79B9_7F4A_7C15)
        var filler: [Int] = []
        var state = unique
        var fillerHash: UInt64 = 0
        for _ in 0..<(length - uniqueDigits) {
            state = Self.mix(state &+ 0x9E37_79B9_7F4A_7C15)
            let digit = state % base
            filler.append(Int(digit))
            fillerHash = Self.mix(fillerHash ^ digit)
        }
        var characters: [Character] = []
        characters.reserveCapacity(length)
        var rest = unique
        for position in 0..<uniqueDigits {
            let offset = Self.mix(fillerHash &+ UInt64(position)) % base
            characters.append(alphabet[Int((rest % base + offset) % base)])
            rest /= base
        }
        characters += filler.map { alphabet[$0] }
        return String(characters)
    }

    /// SplitMix64's finaliser: a bijection of 64-bit numbers that scatters neighbours.
    private static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over the name, so each sequence starts somewhere else.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
