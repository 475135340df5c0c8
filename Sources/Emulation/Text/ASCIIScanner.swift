/// A cursor over the bytes of ASCII text, for the small fixed-form parsers of dates and times
/// that providers read by the rules of their own service: each read consumes what it matched,
/// and nothing when it fails.
public struct ASCIIScanner {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    public var isAtEnd: Bool { position == bytes.count }

    /// Exactly `count` decimal digits, as a number; nil when fewer follow.
    public mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + count] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += count
        return value
    }

    /// Whether the next byte is one of `characters` (ASCII); it is consumed when it is.
    public mutating func skip(anyOf characters: String) -> Bool {
        guard position < bytes.count, characters.utf8.contains(bytes[position]) else { return false }
        position += 1
        return true
    }

    /// The digits after a decimal point, as many as follow, as a fraction (`25` is 0.25); nil
    /// when no digit follows.
    public mutating func fraction() -> Double? {
        var fraction = 0.0
        var scale = 0.1
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            fraction += Double(bytes[position] - 0x30) * scale
            scale /= 10
            position += 1
        }
        return position > start ? fraction : nil
    }

    /// `+` as 1 or `-` as -1, consumed; nil when neither follows.
    public mutating func sign() -> Int? {
        if skip(anyOf: "+") { return 1 }
        if skip(anyOf: "-") { return -1 }
        return nil
    }
}
