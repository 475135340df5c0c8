import Emulation

/// A partner (spec §7.3): a charity, sponsor or other organisation an organiser works with.
/// Columns are its keys in the spec's order, spelled snake_case, then what the API does not
/// show; the defaults are those of a partner created without the optional keys (spec §6.10).
struct Partner: StoredRecord {
    var id = ""
    var name = ""
    var description = ""
    var type = "CHARITY"
    var externalIDs: JSONValue = [:]
    var contacts: JSONValue = []
    var defaultMarketing: JSONValue = [:]
    var specificMarketings: JSONValue = []
    var canCreateSubPartners = false
    var createdAt = EpochMilliseconds(0)
    var updatedAt = EpochMilliseconds(0)
    var organiserID = ""
    /// The name lower-cased, for the case-insensitive `search`.
    var nameFolded = ""

    static let types = ["CHARITY", "CORPORATE", "FRIENDS_AND_FAMILY", "MERCH_PARTNER", "SPONSOR"]
    static let externalIDTypes = ["enthuse", "justGiving", "londonMarathon"]
    static let notFound = LetsDoThisError.notFound("Partner")

    static let indexes = DateIndexes(scope: "organiser_id")
    static let keyStyle = JSONKeyStyle.camelCase
    static let table = RecordTable(
        "letsdothis_partners", of: Partner.self,
        // Lookups by external id (GET /partners/{id}?externalId=…) read one of the last three.
        indexes: [indexes.created, indexes.updated] + externalIDTypes.map { "organiser_id, \(externalIDColumn($0))" })
    static let view = RecordView<Void>(
        table,
        RecordView.columns(of: table, keys: .camelCase, except: ["organiser_id", "name_folded"],
            formats: DateIndexes.formats))
    static let listSource = ListSource(table, indexes: indexes)

    /// The external id of one type, as the SQL expression its index is built on.
    static func externalIDColumn(_ type: String) -> String { "(external_ids ->> '$.\(type)')" }

    /// The record with `name_folded` following `name`.
    func folded() -> Partner {
        var partner = self
        partner.nameFolded = name.lowercased()
        return partner
    }

    /// Which partner `id` names: the organiser's partner `id`, or with `externalIDType` the oldest
    /// one whose external id of that type is `id` (spec §6.7).
    static func lookup(_ id: String, externalIDType: String?, organiser: LetsDoThisOrganiser) -> (condition: SQLFilter, order: String) {
        var condition = SQLFilter("organiser_id = ?", organiser.id)
        guard let externalIDType else {
            condition.add("id = ?", id)
            return (condition, "id")
        }
        condition.add("\(externalIDColumn(externalIDType)) = ?", id)
        return (condition, "created_at, id")
    }

    static func find(_ id: String, externalIDType: String?, organiser: LetsDoThisOrganiser, in database: Database) throws -> Partner? {
        let (condition, order) = lookup(id, externalIDType: externalIDType, organiser: organiser)
        return try database.fetchAll(Partner.self, where: condition.clause + " ORDER BY \(order) LIMIT 1", arguments: condition.arguments).first
    }

    /// The partner `id` written by `view`, or nil.
    static func render(_ id: String, externalIDType: String? = nil, organiser: LetsDoThisOrganiser, in database: Database) throws -> [UInt8]? {
        let (condition, order) = lookup(id, externalIDType: externalIDType, organiser: organiser)
        return try database.render(view, where: "\(condition.clause) ORDER BY \(order)", arguments: condition.arguments)
    }
}
