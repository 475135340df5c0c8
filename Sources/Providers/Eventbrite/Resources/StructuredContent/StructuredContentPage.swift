import Emulation

/// One version of an event's structured content (spec §9.23): insert-only, numbered from 1 per
/// event and purpose (`listing`, the description; `digital_content`, the online event page).
/// The latest version is the working one; the latest published one is what the public sees.
/// Modules and widgets are kept as the JSON the page shows.
struct StructuredContentPage: StoredRecord {
    var eventID: Int64 = 0
    var purpose = "listing"
    var version: Int64 = 0
    var accessType = "public"
    /// A JSON array of modules, each `{"id", "type", "data", "layout", "semantic_purpose",
    /// "timed_display", "resource_uris"}`.
    var modulesJSON = "[]"
    var widgetsJSON = "[]"
    var published = false
    var created = EpochSeconds(0)

    static let table = RecordTable(
        "eventbrite_structured_content", of: StructuredContentPage.self, primaryKey: ["event_id", "purpose", "version"],
        constraints: [.references("event_id", "eventbrite_events")], withoutRowID: true)

    static let purposes: Set<String> = ["listing", "digital_content"]
    static let accessTypes: Set<String> = ["private", "public"]

    /// The latest version of the event's content for `purpose`, or the latest published one.
    static func latest(eventID: Int64, purpose: String, publishedOnly: Bool, in database: Database) throws -> StructuredContentPage? {
        try database.fetchAll(
            StructuredContentPage.self, where: "event_id = ? AND purpose = ?" + (publishedOnly ? " AND published" : ""),
            orderBy: "version DESC LIMIT 1", eventID, purpose
        ).first
    }

    var modules: [JSONValue] { (try? JSONParser.parse(modulesJSON))?.arrayValue ?? [] }

    /// The page as the endpoints show it (§9.23); `pagination` is always one page of every module.
    func json(resourceURIBase base: String) -> JSONValue {
        let modules = modules
        let count = Int64(modules.count)
        let prefix = "\(base)events/\(eventID)/structured_content/\(version)/"
        return [
            "access_type": .string(accessType),
            "page_version_number": .string(String(version)),
            "purpose": .string(purpose),
            "modules": .array(modules),
            "widgets": (try? JSONParser.parse(widgetsJSON)) ?? [],
            "pagination": [
                "object_count": .int(count), "page_number": 1, "page_size": .int(max(Int64(PageRequest.defaultSize), count)),
                "page_count": .int(count > 0 ? 1 : 0), "has_more_items": false,
            ],
            "resource_uris": [
                "add_module": .string(prefix + "module/"), "preview_module": .string(prefix + "module/preview/"),
                "publish": .string(prefix + "publish/"), "self": .string(prefix),
            ],
        ]
    }

    /// What an event shows before any version exists: version 0, empty.
    static func empty(eventID: Int64, purpose: String) -> StructuredContentPage {
        var page = StructuredContentPage()
        page.eventID = eventID
        page.purpose = purpose
        return page
    }
}
