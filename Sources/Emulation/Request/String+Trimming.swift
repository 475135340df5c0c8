extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    public func trimmingWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Substring.UTF8View {
    /// The bytes without leading and trailing spaces and tabs, for headers read as bytes.
    public func trimmingWhitespace() -> Substring.UTF8View {
        var bytes = drop(while: Self.isWhitespace)
        while let last = bytes.last, Self.isWhitespace(last) { bytes = bytes.dropLast() }
        return bytes
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
