import Emulation

/// `GET /organizations/{organization_id}/discounts/` (spec §8.5): the organization's discounts in
/// one `scope`, narrowed by code, type, event, ticket group or holds, by code unless ordered
/// otherwise. The seed documents no pagination for it; the mock pages it like every list.
enum DiscountSearch {
    static let scopes: Set<String> = ["event", "multi_events", "user", "organization"]
    static let orders: [String: String] = ["code_asc": "d.code COLLATE NOCASE, d.id", "code_desc": "d.code COLLATE NOCASE DESC, d.id DESC"]
    /// Every order the docs list; only the code orders can be used (ORDER_BY_NOT_SUPPORTED).
    static let orderNames: Set<String> = [
        "code_asc", "code_desc", "discount_type_asc", "discount_type_desc", "start_asc", "start_desc",
    ]

    static func respond(_ request: EventbriteRequest) throws -> HTTPResponse {
        let organizationID = try request.memberOrganization()
        let page = try request.page()
        var arguments = QueryArguments(request.query)
        var filter = SQLFilter("d.organization_id = ? AND NOT d.is_deleted", organizationID)
        let scope = arguments.choice("scope", of: scopes)
        if !arguments.has("scope") { arguments.errors.missing("scope") }
        let eventID = arguments.string("event_id").map { EventbriteID.parse($0) }
        if eventID == .some(nil) { arguments.errors.invalid("event_id") }
        if scope == "event" && eventID == nil { arguments.errors.missing("event_id") }
        let type = arguments.choice("type", of: Discount.types)
        let code = arguments.string("code")
        let codeFilter = arguments.string("code_filter")
        let groupID = arguments.string("ticket_group_id").map { EventbriteID.parse($0) }
        if groupID == .some(nil) { arguments.errors.invalid("ticket_group_id") }
        let holds = arguments.list("hold_ids")
        if let holds, !holds.allSatisfy(Hold.isWellFormed) { arguments.errors.invalid("hold_ids") }
        let order = arguments.choice("order_by", of: orderNames)
        try arguments.errors.check()

        if code != nil && codeFilter != nil {
            throw EventbriteError.rule(
                "CODE_AND_CODE_FILTER_PROVIDED", "Only one of code or code_filter may be provided at the same time.")
        }
        if scope == "multi_events" && eventID != nil {
            throw EventbriteError.rule(
                "INVALID_USAGE_FOR_EVENT_ID", "Event ID can not be used along with multi_events discount_scope.")
        }
        if let order, (code == nil) == (codeFilter == nil) || orders[order] == nil {
            throw EventbriteError.rule(
                "ORDER_BY_NOT_SUPPORTED",
                "Code is the only field by which results may be ordered. Exactly one of code or code_filter filters must be provided for sorting to be allowed.")
        }
        switch scope {
        case "event": filter.add("d.event_id = ?", eventID.flatMap { $0 } ?? 0)
        case "multi_events": filter.add("(d.ticket_group_id IS NOT NULL OR d.event_id IS NULL)")
        default: if let event = eventID.flatMap({ $0 }) { filter.add("d.event_id = ?", event) }
        }
        if let type { filter.add("d.type = ?", type) }
        if let code { filter.add("d.code = ? COLLATE NOCASE", code) }
        if let codeFilter { filter.add(containing: codeFilter, inAnyOf: ["d.code"]) }
        if let group = groupID.flatMap({ $0 }) { filter.add("d.ticket_group_id = ?", group) }
        if let holds { filter.add("EXISTS (SELECT 1 FROM json_each(d.hold_ids) h WHERE h.value IN (\(holds.map { _ in "?" }.joined(separator: ", "))))", arguments: holds) }
        return try PaginatedList.respond(
            request, key: "discounts", Discount.presenter, where: filter, orderBy: orders[order ?? "code_asc"]!, page: page)
    }
}
