import Emulation

/// The partner endpoints (spec §6.7 to §6.10).
enum Partners {
    static let createSchema = BodySchema(
        required: ["name", "contacts"],
        properties: [
            ("name", .name), ("description", .string), ("externalIds", .object), ("type", .enumeration(Partner.types)),
            ("contacts", .arrayOfObjects(minItems: 1)), ("defaultMarketing", .object),
            ("specificMarketings", .arrayOfObjects(minItems: 0)), ("canCreateSubPartners", .boolean),
        ])
    /// `type` and `contacts` are not updatable (spec §6.8).
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
        let body = try request.read { try Partner.render(request.parameter("id"), externalIDType: type, organiser: organiser, in: $0) }
        return try DataEnvelope.object(body, orThrow: Partner.notFound)
    }

    /// `PATCH /partners/{id}` (and `PUT`): the keys given replace the stored ones wholesale.
    static func update(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try updateSchema.validate(try RequestBody.object(of: request))
        let type = try externalIDType(request.query)
        let now = EpochMilliseconds(request.now)
        let body = try request.write { database -> [UInt8] in
            guard let partner = try Partner.find(request.parameter("id"), externalIDType: type, organiser: organiser, in: database) else {
                throw Partner.notFound
            }
            var updated = try partner.updated(with: fields).folded()
            updated.updatedAt = now
            try database.update(updated)
            guard let body = try Partner.render(updated.id, organiser: organiser, in: database) else { throw Partner.notFound }
            return body
        }
        return DataEnvelope.object(body)
    }

    /// `GET /partners`: `search` (case-insensitive substring of the name), then pagination.
    static func list(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser, _ settings: LetsDoThisSettings) throws -> HTTPResponse {
        let (query, leading) = try ListQuery.parse(
            request.query, leading: ["search"], extendMetadata: false, settings: settings)
        let owned = SQLFilter("item.organiser_id = ?", organiser.id)
        var collection = PagedCollection(
            view: Partner.view, source: Partner.listSource, scope: owned, owned: owned,
            counted: KeptCount(counts: LetsDoThisCounts.partnersByOrganiser, name: "records", value: organiser.id))
        if let search = leading[0] {
            collection.search = SQLFilter("instr(item.name_folded, ?) > 0", search.lowercased())
        }
        return try request.read { try CursorPagination.respond(collection, query, in: $0) }
    }

    /// `POST /partners`: a new partner of the organiser, answered with 200 (spec §6.10).
    static func create(_ request: ProviderRequest, _ organiser: LetsDoThisOrganiser) throws -> HTTPResponse {
        let fields = try createSchema.validate(try RequestBody.object(of: request))
        let now = EpochMilliseconds(request.now)
        let body = try request.write { database -> [UInt8] in
            var partner = try Partner().updated(with: fields).folded()
            partner.id = try database.ids.digestCharacters("letsdothis.partner", count: 11, alphabet: IDAlphabet.base36, prefix: "p_")
            partner.organiserID = organiser.id
            partner.createdAt = now
            partner.updatedAt = now
            try database.insert(partner)
            guard let body = try Partner.render(partner.id, organiser: organiser, in: database) else { throw Partner.notFound }
            return body
        }
        return DataEnvelope.object(body)
    }
}
