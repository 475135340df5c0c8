import Emulation

/// Read-only reference data (spec §8.4 and Appendix A): categories, subcategories, formats and
/// the system lists of time zones, countries and regions. Every list pages like any other; the
/// category lists carry `locale` first, as captured.
enum ReferenceData: EventbriteResourceGroup {
    static let tables = [
        Category.table, Subcategory.table, Format.table, SystemTimezone.table, SystemCountry.table, SystemRegion.table,
    ]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for category in try seed.records(Category.self, "reference.json", key: "categories") { try database.insert(category) }
        for subcategory in try seed.records(Subcategory.self, "reference.json", key: "subcategories") {
            try database.insert(subcategory)
        }
        for format in try seed.records(Format.self, "reference.json", key: "formats") { try database.insert(format) }
        // Positions keep the file's order.
        for (position, var zone) in try seed.records(SystemTimezone.self, "system.json", key: "timezones").enumerated() {
            zone.position = Int64(position)
            try database.insert(zone)
        }
        for (position, var country) in try seed.records(SystemCountry.self, "system.json", key: "countries").enumerated() {
            country.position = Int64(position)
            try database.insert(country)
        }
        for (position, var region) in try seed.records(SystemRegion.self, "system.json", key: "regions").enumerated() {
            region.position = Int64(position)
            try database.insert(region)
        }
    }

    /// The `locale` reference lists start with; the mock answers in English whatever `locale` asks.
    private static let locale: [(String, JSONValue)] = [("locale", "en_US")]

    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/categories/", example: "/categories/") { request in
                try PaginatedList.respond(
                    request, key: "categories", Category.listPresenter, where: "c.listed", [], orderBy: "c.sort_order, c.id",
                    page: try request.page(), leading: locale)
            },
            routes.get("/categories/{id}/", example: "/categories/103/") { request in
                try EventbriteResponse.one(Category.presenter, id: try request.id("id", orNotFound: .category), request, notFound: .category)
            },
            routes.get("/subcategories/", example: "/subcategories/") { request in
                try PaginatedList.respond(
                    request, key: "subcategories", Subcategory.presenter, where: "s.listed", [], orderBy: "s.id",
                    page: try request.page(), leading: locale)
            },
            routes.get("/subcategories/{subcategory_id}/", example: "/subcategories/3003/") { request in
                let id = try request.id("subcategory_id", orNotFound: .subcategory)
                return try EventbriteResponse.one(Subcategory.presenter, id: id, request, notFound: .subcategory)
            },
            routes.get("/formats/", example: "/formats/") { request in
                try PaginatedList.respond(
                    request, key: "formats", Format.presenter, where: "1", [], orderBy: "f.id", page: try request.page(),
                    leading: locale)
            },
            routes.get("/formats/{format_id}/", example: "/formats/2/") { request in
                let id = try request.id("format_id", orNotFound: .format)
                return try EventbriteResponse.one(Format.presenter, id: id, request, notFound: .format)
            },
            routes.get("/system/timezones/", example: "/system/timezones/") { request in
                try PaginatedList.respond(
                    request, key: "timezones", SystemTimezone.presenter, where: "1", [], orderBy: "z.position",
                    page: try request.page())
            },
            routes.get("/system/countries/", example: "/system/countries/") { request in
                try PaginatedList.respond(
                    request, key: "countries", SystemCountry.presenter, where: "1", [], orderBy: "c.position",
                    page: try request.page())
            },
            routes.get("/system/regions/", example: "/system/regions/") { request in
                try PaginatedList.respond(
                    request, key: "regions", SystemRegion.presenter, where: "1", [], orderBy: "r.position",
                    page: try request.page())
            },
        ]
    }
}
