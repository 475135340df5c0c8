import HTTPServer

/// The byte-level pieces of JSON output: literals, numbers and escaped strings.
enum JSONBytes {
    static let null: [UInt8] = Array("null".utf8)
    static let `true`: [UInt8] = Array("true".utf8)
    static let `false`: [UInt8] = Array("false".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func appendInteger(_ number: Int64, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        output.appendDecimal(number.magnitude)
    }

    static func appendDouble(_ number: Double, to output: inout [UInt8]) {
        // JSON has no NaN or infinity; JavaScript's JSON.stringify writes null for them.
        guard number.isFinite else {
            output.append(contentsOf: null)
            return
        }
        if number.rounded() == number && abs(number) < 1e15 {
            appendInteger(Int64(number), to: &output)
        } else {
            output.append(contentsOf: "\(number)".utf8)
        }
    }

    /// A quoted, escaped string.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        appendStringContent(text, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// The escaped content of a string, without quotes. Strings are most of an API body, so this
    /// is the hot path of every response: text that needs no escaping (nearly all of it) is
    /// checked eight bytes at a time and copied in one go.
    static func appendStringContent(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendStringContent(utf8: $0, to: &output) }
    }

    /// The escaped content of UTF-8 bytes (a column read in place), without quotes.
    static func appendStringContent(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard needsEscaping(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscaped(byte, to: &output)
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
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

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(contentsOf: "u00".utf8)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
