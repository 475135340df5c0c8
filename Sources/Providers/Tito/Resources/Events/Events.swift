import Emulation

/// Events: the table, the seed, and the endpoints E1–E9 and X2.
enum Events: TitoResourceGroup {
    static let tables = [
        GroupTable(Event.self, nextID: 1_058_592), GroupTable(EventDuplication.self, file: "events.json", key: "duplications"),
    ]


    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/events", example: "/events", EventLists.acrossAccounts),
        Route("GET", "/{account_slug}/events", example: "/biscuit-box/events", EventLists.upcoming),
        Route("GET", "/{account_slug}/events/past", example: "/biscuit-box/events/past", EventLists.past),
        Route("GET", "/{account_slug}/events/archived", example: "/biscuit-box/events/archived", EventLists.archived),
        Route("POST", "/{account_slug}/events", EventWrites.create),
        Route("GET", "/{account_slug}/{event_slug}", example: "/biscuit-box/2018", EventWrites.show),
        Route("PATCH", "/{account_slug}/{event_slug}", EventWrites.update),
        Route("DELETE", "/{account_slug}/{event_slug}", EventWrites.delete),
        Route("POST", "/{account_slug}/{event_slug}/duplication", EventDuplication.start),
        Route("GET", "/{account_slug}/{event_slug}/duplication", example: "/demo/sample-event/duplication", EventDuplication.status),
    ]
}
