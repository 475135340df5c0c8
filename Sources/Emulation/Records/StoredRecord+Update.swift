extension StoredRecord {
    /// The record with the members of `object` (spelled as `keyStyle` says) in place of its
    /// columns, the others kept: a PATCH body applied. Values must have the columns' types.
    public func updated(with object: JSONObject) throws -> Self {
        guard case .object(var merged) = try JSONValueEncoder.encode(self, keys: Self.keyStyle) else {
            throw RecordDecodingError(description: "\(Self.self) does not encode as an object")
        }
        for (key, value) in object { merged[key] = value }
        return try Self(from: JSONValueDecoder(value: .object(merged), keys: Self.keyStyle))
    }
}
