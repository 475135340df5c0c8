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

    static let presenter = Presenter(
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
            .column("url"),
            .column("aspect_ratio"),
            .column("edge_color"),
            .column("edge_color_set"),
        ]),
        alias: "i")
}

/// Images (media, spec §8.20). The upload endpoints are not served yet; the table backs the
/// `logo` expansions of events and organizers.
enum Media: EventbriteResourceGroup {
    static let tables = [Image.table]

    static func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        for image in try seed.records(Image.self, "media.json", key: "images") { try database.insert(image) }
    }
}
