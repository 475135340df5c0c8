import Emulation

/// An uploaded image (spec §9.14), the `logo` of events and organizers.
struct Image: StoredRecord {
    struct CropMask: Codable, Sendable, Equatable {
        struct Point: Codable, Sendable, Equatable {
            var x: Int64 = 0
            var y: Int64 = 0
        }
        var topLeft = Point()
        var width: Int64 = 0
        var height: Int64 = 0
    }

    var id: Int64 = 0
    var organizationID: Int64?
    var url = ""
    var cropMask: CropMask?
    var originalURL = ""
    var originalWidth: Int64 = 0
    var originalHeight: Int64 = 0
    /// A decimal string (`"2"`), as real responses write it.
    var aspectRatio = "2"
    var edgeColor: String?
    var edgeColorSet = false

    static let table = RecordTable("eventbrite_images", of: Image.self)

    /// The image as every endpoint and expansion shows it.
    static let presenter = presenter(thumbnail: nil)

    /// A thumbnail size asked for with `GET /media/{id}/?width=&height=` (§8.20): the image's
    /// `url` then asks the image host for that size (`?w=<width>&h=<height>`).
    struct Thumbnail: Sendable, Equatable {
        var width: Int64?
        var height: Int64?

        func url(from stored: String) -> String {
            let base = String(stored.prefix { $0 != "?" })
            let parameters = [width.map { "w=\($0)" }, height.map { "h=\($0)" }].compactMap { $0 }
            return parameters.isEmpty ? stored : base + "?" + parameters.joined(separator: "&")
        }
    }

    /// Whether an organization may put the image on its events and tickets: its own, or one that
    /// belongs to no organization.
    static func isUsable(_ id: Int64, byOrganization organizationID: Int64, in database: Database) throws -> Bool {
        try database.queryOne(
            "SELECT 1 FROM eventbrite_images WHERE id = ? AND (organization_id IS NULL OR organization_id = ?)", id, organizationID)
            != nil
    }

    static func presenter(thumbnail: Thumbnail?) -> Presenter {
        Presenter(
            type: "image",
            view: RecordView(table, [
                .column("crop_mask"),
                .derived("original") { row, _, json in
                    json.object { json in
                        json.field("url", row.string("original_url"))
                        json.field("width", row.integer("original_width"))
                        json.field("height", row.integer("original_height"))
                    }
                },
                .id("id"),
                thumbnail.map { thumbnail in .derived("url") { row, _, json in json.string(thumbnail.url(from: row.string("url"))) } }
                    ?? .column("url"),
                .column("aspect_ratio"),
                .column("edge_color"),
                .column("edge_color_set"),
            ]),
            alias: "i")
    }
}
