import Emulation

/// A venue (spec §9.7), grouped by organization. The address is kept field by field; its
/// localized display forms are derived when written (§10.5).
struct Venue: StoredRecord {
    var id: Int64 = 0
    var organizationID: Int64 = 0
    var organizerID: Int64?
    var name = ""
    var ageRestriction: String?
    var capacity: Int64?
    var googlePlaceID: String?
    var address1: String?
    var address2: String?
    var city: String?
    var region: String?
    var postalCode: String?
    var country: String?
    /// Decimal strings, as written (`"49.28497549999999"`).
    var latitude: String?
    var longitude: String?

    static let table = RecordTable(
        "eventbrite_venues", of: Venue.self, constraints: [.references("organization_id", "eventbrite_organizations")],
        indexes: ["organization_id, id"])

    static let presenter = Presenter(
        type: "venue",
        view: RecordView(table, [
            .derived("address") { row, _, json in Address(row: row).write(to: &json) },
            .derived("resource_uri") { row, context, json in context.writeResourceURI("venues/", id: row.integer("id"), to: &json) },
            .id("id"),
            .column("age_restriction"),
            .column("capacity"),
            .column("name"),
            .column("latitude"),
            .column("longitude"),
        ]),
        alias: "v")
}

/// A venue's address as responses show it, with the localized displays of §10.5.
struct Address {
    var address1, address2, city, region, postalCode, country, latitude, longitude: String?

    init(row: ViewRow) {
        address1 = row.optionalString("address1")
        address2 = row.optionalString("address2")
        city = row.optionalString("city")
        region = row.optionalString("region")
        postalCode = row.optionalString("postal_code")
        country = row.optionalString("country")
        latitude = row.optionalString("latitude")
        longitude = row.optionalString("longitude")
    }

    private static func present(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// `city, region`.
    var areaDisplay: String? {
        let parts = [city, region].compactMap(Self.present)
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `city, region postal_code`, the last line of the multi-line form.
    private var cityLine: String? {
        let area = areaDisplay
        switch (area, Self.present(postalCode)) {
        case (let area?, let postal?): return "\(area) \(postal)"
        case (let area?, nil): return area
        case (nil, let postal?): return postal
        case (nil, nil): return nil
        }
    }

    /// `333 O'Farrell St Suite 400, San Francisco, CA 94102`.
    var addressDisplay: String? {
        let street = [address1, address2].compactMap(Self.present).joined(separator: " ")
        let parts = [street.isEmpty ? nil : street, cityLine].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    var multiLineDisplay: [String] { [address1, address2, cityLine].compactMap(Self.present) }

    var isEmpty: Bool { [address1, address2, city, region, postalCode, country].allSatisfy { Self.present($0) == nil } }

    /// The Address object, or `null` for a venue without one.
    func write(to json: inout JSONBuilder) {
        guard !isEmpty else { return json.null() }
        json.object { json in
            json.field("address_1", address1)
            json.field("address_2", address2)
            json.field("city", city)
            json.field("region", region)
            json.field("postal_code", postalCode)
            json.field("country", country)
            json.field("latitude", latitude)
            json.field("longitude", longitude)
            json.field("localized_address_display", addressDisplay)
            json.field("localized_area_display", areaDisplay)
            json.field("localized_multi_line_address_display", elements: multiLineDisplay.map(JSONValue.string))
        }
    }
}
