import Emulation

/// `POST /events/{id}/structured_content/{version}/` (spec §8.23): a new version of the event's
/// content for a purpose, with the whole set of modules (the system is insert-only), published
/// or not. `version` must be the working version plus one. The body has no wrapper: `modules`,
/// `widgets`, `publish`, `purpose`, `access_type`.
enum StructuredContentWrite {
    static let maximumModules = 100
    static let maximumVersions: Int64 = 5000
    static let layouts: Set<String> = ["image_left", "image_top", "image_grid", "carousel", "grid"]
    static let alignments: Set<String> = ["left", "right", "center"]
    static let widgetTypes: Set<String> = ["agenda", "faqs"]

    static func create(_ request: EventbriteRequest) throws -> HTTPResponse {
        let body = try EventbriteBody(request)
        let page = try request.write { database -> StructuredContentPage in
            let event = try request.describedEvent("id", changing: true, in: database)
            var fields = body.unwrapped
            fields.rejectUnknown(allowed: ["modules", "widgets", "publish", "purpose", "access_type"])
            let version = EventbriteID.parse(request.parameter("version"))
            if version == nil { fields.errors.invalid("version") }
            var page = StructuredContentPage()
            page.eventID = event.id
            if let purpose = fields.oneOf("purpose", StructuredContentPage.purposes) { page.purpose = purpose }
            if let type = fields.oneOf("access_type", StructuredContentPage.accessTypes) { page.accessType = type }
            if let flag = fields.nonNullBool("publish") { page.published = flag }
            var modules: [JSONObject] = []
            if case .value(let items) = fields.list("modules") {
                if items.count > maximumModules {
                    fields.errors.add("modules", "MODULES_LIMIT_REACHED")
                } else {
                    for item in items {
                        guard let module = try module(item, purpose: page.purpose, in: database) else {
                            fields.invalid("modules")
                            break
                        }
                        modules.append(module)
                    }
                }
            }
            var widgets: [JSONValue] = []
            if case .value(let items) = fields.list("widgets") {
                for item in items {
                    guard let type = item["type"]?.stringValue, widgetTypes.contains(type), item["data"]?.objectValue != nil else {
                        fields.invalid("widgets")
                        break
                    }
                    widgets.append(item)
                }
            }
            try fields.check()

            let current = try StructuredContentPage.latest(eventID: event.id, purpose: page.purpose, publishedOnly: false, in: database)?
                .version ?? 0
            guard let version, version == current + 1 else {
                throw EventbriteError.rule(
                    "PAGE_VERSION_DISCONTINUITY", "The supplied page_version_number does not match the expected (current) version number")
            }
            if version > maximumVersions {
                throw ArgumentErrors.single("page_id", "PAGE_VERSION_LIMIT_REACHED")
            }
            page.version = version
            var stored: [JSONValue] = []
            for var module in modules {
                module["id"] = .string(String(try EventbriteID.next(in: database)))
                // The documented key order, with the id first.
                var ordered = JSONObject()
                for key in ["id", "type", "data", "layout", "semantic_purpose", "timed_display", "resource_uris"] {
                    ordered.append(key, module[key] ?? .null)
                }
                for (key, value) in module where ordered[key] == nil { ordered.append(key, value) }
                stored.append(.object(ordered))
            }
            page.modulesJSON = JSONWriter.string(.array(stored))
            page.widgetsJSON = JSONWriter.string(.array(widgets))
            page.created = EpochSeconds(request.now)
            try database.insert(page)
            try Event.touch(event.id, now: request.now, in: database)
            return page
        }
        return EventbriteResponse.json(page.json(resourceURIBase: request.settings.resourceURIBase))
    }

    /// One module of the body as it will be stored (without its id), or nil when it is not one:
    /// `type` and an object `data` always; for the types the seed documents, the data they need
    /// (a text's `body.text`, an image's existing `image_id`, a video's `url`, on a listing a
    /// YouTube one). Types the seed does not know are kept as sent, as clients must round-trip them.
    private static func module(_ item: JSONValue, purpose: String, in database: Database) throws -> JSONObject? {
        guard case .object(let object) = item, let type = object["type"]?.stringValue, !type.isEmpty,
            let data = object["data"], data.objectValue != nil
        else { return nil }
        switch object["layout"] {
        case nil, .null?: break
        case .string(let layout)? where layouts.contains(layout): break
        default: return nil
        }
        if let display = object["timed_display"], display != .null, display.objectValue == nil { return nil }
        if let semantic = object["semantic_purpose"], semantic != .null, semantic.stringValue == nil { return nil }
        switch type {
        case "text":
            guard data["body"]?["text"]?.stringValue != nil else { return nil }
            if let alignment = data["body"]?["alignment"], alignment != .null {
                guard let value = alignment.stringValue, alignments.contains(value) else { return nil }
            }
        case "image":
            guard let imageID = EventbriteID.parse(data["image"]?["image_id"]),
                try database.queryOne("SELECT 1 FROM eventbrite_images WHERE id = ?", imageID) != nil
            else { return nil }
        case "video":
            guard let url = data["video"]?["url"]?.stringValue, AbsoluteURL.isValid(url) else { return nil }
            if purpose == "listing" && !isYouTube(url) { return nil }
        default:
            break
        }
        var module = object
        if module["resource_uris"] == nil { module["resource_uris"] = .object(JSONObject()) }
        return module
    }

    /// Listing videos must be YouTube's (§8.23).
    private static func isYouTube(_ url: String) -> Bool {
        let host = AbsoluteURL.host(of: url)
        return ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"].contains(host)
    }
}
