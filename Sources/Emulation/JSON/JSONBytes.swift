/// The byte-level pieces of JSON output: literals, digits and the escaping test.
enum JSONBytes {
    static let null: [UInt8] = Array("null".utf8)
    static let `true`: [UInt8] = Array("true".utf8)
    static let `false`: [UInt8] = Array("false".utf8)
    static let unicodeEscapePrefix: [UInt8] = Array("u00".utf8)
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes the decimal digits of `value` at `output` (room for 20), returning how many.
    @inline(__always)
    static func writeDecimal(_ value: UInt64, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var remaining = value
        var index = digits
        repeat {
            index -= 1
            output[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        } while index > 0
        return digits
    }

    /// Whether any byte is a control character, `"` or `\`.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if wordNeedsEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// The "has a byte less than n" and "has a zero byte" word tricks (Hacker's Delight §6-1):
    /// a set high bit marks a byte below 0x20, or one equal to `"` or `\` after the XOR.
    /// They can report false positives only beside a true one, so a clean word is never flagged.
    static func wordNeedsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ limit: UInt64) -> Bool {
            (value &- ones &* limit) & ~value & highBits != 0
        }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }
}
