import Emulation
import Foundation

/// A partner (spec §7.3): a charity, sponsor or other organisation an organiser works with.
struct Partner {
    var id: String
    var name: String
    var description: String
    var type: String
    var externalIDs: JSONValue
    var contacts: JSONValue
    var defaultMarketing: JSONValue
    var specificMarketings: JSONValue
    var canCreateSubPartners: Bool
    var createdAt: String
    var updatedAt: String

    static let types = ["CHARITY", "CORPORATE", "FRIENDS_AND_FAMILY", "MERCH_PARTNER", "SPONSOR"]
    static let externalIDTypes = ["enthuse", "justGiving", "londonMarathon"]
    static let notFound = LetsDoThisError.notFound("Partner")

    static let columns = """
        id, name, description, type, external_ids, contacts, default_marketing, specific_marketings,
        can_create_sub_partners, created_at, updated_at
        """

    init(seed: SeedRecord) throws {
        id = try seed.string("id")
        name = try seed.string("name")
        description = try seed.optionalString("description") ?? ""
        type = try seed.string("type")
        externalIDs = seed.fields["externalIds"] ?? [:]
        contacts = seed.fields["contacts"] ?? []
        defaultMarketing = seed.fields["defaultMarketing"] ?? [:]
        specificMarketings = seed.fields["specificMarketings"] ?? []
        canCreateSubPartners = try seed.bool("canCreateSubPartners")
        createdAt = try seed.timestamp("createdAt")
        updatedAt = try seed.timestamp("updatedAt")
    }

    init(row: Row) {
        id = row.string("id") ?? ""
        name = row.string("name") ?? ""
        description = row.string("description") ?? ""
        type = row.string("type") ?? ""
        externalIDs = row.json("external_ids", default: [:])
        contacts = row.json("contacts", default: [])
        defaultMarketing = row.json("default_marketing", default: [:])
        specificMarketings = row.json("specific_marketings", default: [])
        canCreateSubPartners = row.bool("can_create_sub_partners") ?? false
        createdAt = row.string("created_at") ?? ""
        updatedAt = row.string("updated_at") ?? ""
    }

    init(id: String, fields: JSONObject, now: String) {
        self.id = id
        name = fields["name"]?.stringValue ?? ""
        description = fields["description"]?.stringValue ?? ""
        type = fields["type"]?.stringValue ?? "CHARITY"
        externalIDs = fields["externalIds"] ?? [:]
        contacts = fields["contacts"] ?? []
        defaultMarketing = fields["defaultMarketing"] ?? [:]
        specificMarketings = fields["specificMarketings"] ?? []
        canCreateSubPartners = fields["canCreateSubPartners"]?.boolValue ?? false
        createdAt = now
        updatedAt = now
    }

    var json: [UInt8] {
        var json = JSONBuilder(capacity: 512)
        json.object { json in
            json.field("id", id)
            json.field("name", name)
            json.field("description", description)
            json.field("type", type)
            json.field("externalIds", externalIDs)
            json.field("contacts", contacts)
            json.field("defaultMarketing", defaultMarketing)
            json.field("specificMarketings", specificMarketings)
            json.field("canCreateSubPartners", canCreateSubPartners)
            json.field("createdAt", createdAt)
            json.field("updatedAt", updatedAt)
        }
        return json.bytes
    }

    func insert(organiserID: String, into database: Database) throws {
        try database.run(
            """
            INSERT INTO letsdothis_partners (id, organiser_id, name, name_folded, description, type, external_ids, contacts,
                default_marketing, specific_marketings, can_create_sub_partners, created_at, updated_at, created_ms, updated_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            id, organiserID, name, name.lowercased(), description, type, JSONWriter.string(externalIDs),
            JSONWriter.string(contacts), JSONWriter.string(defaultMarketing), JSONWriter.string(specificMarketings),
            canCreateSubPartners, createdAt, updatedAt, Milliseconds.of(createdAt) ?? 0, Milliseconds.of(updatedAt) ?? 0)
    }

    func update(in database: Database) throws {
        try database.run(
            """
            UPDATE letsdothis_partners SET name = ?, name_folded = ?, description = ?, external_ids = ?,
                default_marketing = ?, specific_marketings = ?, can_create_sub_partners = ?, updated_at = ?, updated_ms = ?
            WHERE id = ?
            """,
            name, name.lowercased(), description, JSONWriter.string(externalIDs), JSONWriter.string(defaultMarketing),
            JSONWriter.string(specificMarketings), canCreateSubPartners, updatedAt, Milliseconds.of(updatedAt) ?? 0, id)
    }

    /// The organiser's partner `id`, or with `externalIDType` the oldest one whose external id of
    /// that type is `id` (spec §6.7).
    static func find(_ id: String, externalIDType: String?, organiser: LetsDoThisOrganiser, in database: Database) throws -> Partner? {
        let row: Row?
        if let externalIDType {
            row = try database.queryOne(
                """
                SELECT \(columns) FROM letsdothis_partners
                WHERE organiser_id = ? AND (external_ids ->> '$.\(externalIDType)') = ?
                ORDER BY created_ms, id LIMIT 1
                """, organiser.id, id)
        } else {
            row = try database.queryOne("SELECT \(columns) FROM letsdothis_partners WHERE id = ? AND organiser_id = ?", id, organiser.id)
        }
        return row.map(Partner.init(row:))
    }
}

/// The partner endpoints (spec §6.7 to §6.10).
enum Partners {
    static let createSchema = BodySchema(
        required: ["name", "contacts"],
        properties: [
            ("name", .name), ("description", .string), ("externalIds", .object), ("type", .enumeration(Partner.types)),
            ("contacts", .arrayOfObjects(minItems: 1)), ("defaultMarketing", .object),
            ("specificMarketings", .arrayOfObjects(minItems: 0)), ("canCreateSubPartners", .boolean),
        ])
    static let updateSchema = BodySchema(
        required: [],
        properties: [
            ("name", .name), ("description", .string), ("externalIds", .object), ("defaultMarketing", .object),
            ("specificMarketings", .arrayOfObjects(minItems: 0)), ("canCreateSubPartners", .boolean),
        ])

    /// `externalId`: nil, or one of the enum's types.
    static func externalIDType(_ query: QueryParameters) throws -> String? {
        let values = query.values(for: "externalId")
        guard values.count <= 1 else { throw LetsDoThisError.validation("querystring/externalId must be string") }
        guard let value = values.first else { return nil }
        guard Partner.externalIDTypes.contains(value) else {
            throw LetsDoThisError.validation("querystring/externalId must be equal to one of the allowed values")
        }
        return value
    }

    /// `GET /partners/{id}`.
    static func show(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let type = try externalIDType(request.query)
        let partner = try request.read { try Partner.find(request.parameter("id"), externalIDType: type, organiser: organiser, in: $0) }
        guard let partner else { throw Partner.notFound }
        return DataEnvelope.object(partner.json)
    }

    /// `PATCH /partners/{id}` (and `PUT`): provided keys replace the stored ones wholesale;
    /// `type` and `contacts` are not updatable and are ignored (spec §6.8).
    static func update(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try updateSchema.validate(try RequestBody.object(of: request))
        let type = try externalIDType(request.query)
        let now = Timestamp.iso8601Milliseconds(request.now)
        let partner = try request.write { database -> Partner in
            guard var partner = try Partner.find(request.parameter("id"), externalIDType: type, organiser: organiser, in: database) else {
                throw Partner.notFound
            }
            if let name = fields["name"]?.stringValue { partner.name = name }
            if let description = fields["description"]?.stringValue { partner.description = description }
            if let externalIDs = fields["externalIds"] { partner.externalIDs = externalIDs }
            if let marketing = fields["defaultMarketing"] { partner.defaultMarketing = marketing }
            if let marketings = fields["specificMarketings"] { partner.specificMarketings = marketings }
            if let flag = fields["canCreateSubPartners"]?.boolValue { partner.canCreateSubPartners = flag }
            partner.updatedAt = now
            try partner.update(in: database)
            return partner
        }
        return DataEnvelope.object(partner.json)
    }

    /// `GET /partners`: `search` (case-insensitive substring of the name), then pagination.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser, _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, leading) = try ListQuery.parse(
            request.query, leading: ["search"], extendMetadata: false, settings: settings)
        var collection = PagedCollection(
            table: "letsdothis_partners", scope: [("organiser_id", organiser.id)], indexBase: "letsdothis_partners_by",
            organiserID: organiser.id, countKey: ScopeCounts.partners(organiser: organiser.id), columns: Partner.columns)
        if let search = leading[0] {
            collection.extraFilter = SQLFilter("instr(name_folded, ?) > 0", search.lowercased())
        }
        let page = try request.read { try CursorPage.fetch(collection, query, in: $0) }
        return page.envelope(page.rows.map { Partner(row: $0).json })
    }

    /// `POST /partners`: a new partner of the organiser, answered with 200 (spec §6.10).
    static func create(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try createSchema.validate(try RequestBody.object(of: request))
        let now = Timestamp.iso8601Milliseconds(request.now)
        let partner = try request.write { database -> Partner in
            let id = try database.ids.digestCharacters("letsdothis.partner", count: 11, alphabet: IDAlphabet.base36, prefix: "p_")
            let partner = Partner(id: id, fields: fields, now: now)
            try partner.insert(organiserID: organiser.id, into: database)
            try ScopeCounts.add(1, to: ScopeCounts.partners(organiser: organiser.id), in: database)
            return partner
        }
        return DataEnvelope.object(partner.json)
    }
}
