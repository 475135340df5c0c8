import Emulation

/// A time zone of `GET /system/timezones/` (the seed's Timezone structure); event times are
/// validated against the IANA database itself, which knows these and their aliases.
struct SystemTimezone: StoredRecord {
    var position: Int64 = 0
    var timezone = ""
    var label = ""

    static let table = RecordTable("eventbrite_system_timezones", of: SystemTimezone.self, primaryKey: ["position"])

    static let presenter = Presenter(
        type: "timezone", view: RecordView(table, [.column("timezone"), .column("label")]), alias: "z")
}

/// A country of `GET /system/countries/`.
struct SystemCountry: StoredRecord {
    var position: Int64 = 0
    var code = ""
    var label = ""

    static let table = RecordTable(
        "eventbrite_system_countries", of: SystemCountry.self, primaryKey: ["position"], constraints: [.unique(["code"])])

    static let presenter = Presenter(
        type: "country", view: RecordView(table, [.column("code"), .column("label")]), alias: "c")
}

/// A region (state, province) of `GET /system/regions/`.
struct SystemRegion: StoredRecord {
    var position: Int64 = 0
    var countryCode = ""
    var code = ""
    var label = ""

    static let table = RecordTable("eventbrite_system_regions", of: SystemRegion.self, primaryKey: ["position"])

    static let presenter = Presenter(
        type: "region", view: RecordView(table, [.column("country_code"), .column("code"), .column("label")]), alias: "r")
}
