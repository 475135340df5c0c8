/// The syntax of a `Host` field value (RFC 9110 §7.2): `uri-host [ ":" port ]`, where uri-host
/// is an IP literal in brackets, an IPv4 address or a registered name (RFC 3986 §3.2.2). An
/// empty value is allowed: it is what a client sends when the target has no authority.
enum HostField {
    static func isValid<Bytes: Collection<UInt8>>(_ value: Bytes) -> Bool where Bytes.Index == Int {
        var index = value.startIndex
        if index < value.endIndex && value[index] == UInt8(ascii: "[") {
            // IP-literal: "[" ( IPv6address / IPvFuture ) "]"; the characters either may use.
            guard let close = value[index...].firstIndex(of: UInt8(ascii: "]")), close > index + 1 else { return false }
            guard value[(index + 1)..<close].allSatisfy(isIPLiteralCharacter) else { return false }
            index = close + 1
        } else {
            // reg-name (which includes IPv4address): unreserved, pct-encoded and sub-delims.
            while index < value.endIndex && value[index] != UInt8(ascii: ":") {
                if value[index] == UInt8(ascii: "%") {
                    guard index + 2 < value.endIndex,
                          ASCII.hexDigitValue(value[index + 1]) != nil, ASCII.hexDigitValue(value[index + 2]) != nil
                    else { return false }
                    index += 3
                    continue
                }
                guard isRegisteredNameCharacter(value[index]) else { return false }
                index += 1
            }
        }
        guard index < value.endIndex else { return true }
        // port = *DIGIT
        guard value[index] == UInt8(ascii: ":") else { return false }
        return value[(index + 1)...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// unreserved / sub-delims of RFC 3986 §2.
    private static func isRegisteredNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Hex digits, colons and dots of an IPv6 address, `%` of a zone id (RFC 6874), IPvFuture's rest.
    private static func isIPLiteralCharacter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "%") || isRegisteredNameCharacter(byte)
    }
}
