/// Serialises `JSONValue`s compactly into UTF-8, keeping object key order.
public enum JSONWriter {
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var builder = JSONBuilder(capacity: 256)
        builder.value(value)
        return builder.bytes
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }
}
