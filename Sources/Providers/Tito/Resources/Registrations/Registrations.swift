import Emulation

/// Registrations (orders): the tables (registrations, their line items, their kept counts), the
/// seed and R1–R8.
enum Registrations: TitoResourceGroup {
    static let schema = Registration.table.schema + Registration.counts.schema + LineItem.table.schema

    /// Each registration of the seed lists its line items, which are stored apart.
    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        let file = "registrations.json"
        let registrations = try seed.records(Registration.self, file, key: "registrations")
        let lines = try seed.json(file)["registrations"]?.arrayValue ?? []
        for (var registration, object) in zip(registrations, lines) {
            registration.completeSeed()
            var items: [LineItem] = []
            for (position, item) in (object["line_items"]?.arrayValue ?? []).enumerated() {
                guard var fields = item.objectValue else {
                    throw SeedError(file: file, reason: "registration \(registration.id): line_items[\(position)] is not an object")
                }
                fields["event_id"] = .int(registration.eventID)
                fields["registration_id"] = .int(registration.id)
                do {
                    items.append(try LineItem(seed: fields))
                } catch let error as RecordDecodingError {
                    throw SeedError(file: file, reason: "registration \(registration.id): line_items[\(position)]: \(error)")
                }
            }
            registration.count(items)
            try database.insert(registration)
            for item in items { try database.insert(item) }
        }
        try Identifiers.start("registrations", at: 3_509_398, in: database)
        try Identifiers.start("line_items", at: 3_800_661, in: database)
        try Identifiers.start("receipts", at: 1000, in: database)
        try Identifiers.start("billing_addresses", at: 1, in: database)
    }

    static var routes: [Route<TitoPrincipal>] { RegistrationEndpoints.routes }
}
