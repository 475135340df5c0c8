/// A `JSONValue` property of a stored record is a JSON column kept exactly as given: keys in
/// their order and spelling (camelCase included), numbers as written. The record coders
/// (`JSONValueEncoder`, `JSONValueDecoder`) hand the value over whole; no other coder can.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? JSONValueDecoder else {
            throw RecordDecodingError(description: "a JSONValue decodes only from a JSON column or a seed")
        }
        self = decoder.value
    }

    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? JSONValueEncoder else {
            throw RecordDecodingError(description: "a JSONValue encodes only into a JSON column")
        }
        encoder.store(self)
    }
}
