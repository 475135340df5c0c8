import Emulation

extension SeedDirectory {
    /// The object `key` of the seed file `name` read as `type`: the settings generated seed data
    /// is made from (`bulk.json`, `bulk_orders.json`). Keys are the properties' snake_case names.
    func settings<T: Decodable>(_ type: T.Type, _ name: String, key: String) throws -> T {
        guard let object = try json(name)[key]?.objectValue else { throw SeedError(file: name, reason: "has no object \"\(key)\"") }
        do {
            return try JSONValueDecoder.decode(type, from: .object(object))
        } catch {
            throw SeedError(file: name, reason: "\(error)")
        }
    }
}
