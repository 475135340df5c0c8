import Emulation

/// What Tito's views read besides the row (spec §6, §12): the view asked for, how money is
/// written, the emulated time, the event's names for URLs, and the records a response embeds.
/// An object written inside another (a ticket's registration, an event's releases) is rendered
/// with `embedded` set, which empties its own associations (spec §12 embedding rule).
struct RenderContext: Sendable {
    var view: View
    /// `price`, `total`, `price_ex_tax` and `total_less_tax`: strings, or numbers when the
    /// provider is set to (`TITO_MONEY_AS_NUMBERS`).
    let money: ColumnFormat
    /// The emulated time in milliseconds (releases' `expired` and `upcoming`).
    let now: Int64
    var embedded = false
    /// The event's account and slug (invitation URLs) and currency (line items).
    var accountSlug = ""
    var eventSlug = ""
    var currency = "USD"

    /// Records embedded by key, each filled by the response that needs it.
    var registrations: RenderedRecords?
    var releases: RenderedRecords?
    var releaseSummaries: RenderedRecords?
    var tickets: RenderedRecords?
    var refunds: RenderedRecords?
    var lineItems: RenderedRecords?
    var answers: RenderedRecords?
    var questions: RenderedRecords?
    var activities: RenderedRecords?
    /// Activities filed under each release they name.
    var releaseActivities: RenderedRecords?
    /// A ticket's `responses` members (`"slug":"text"`), and a registration's `quantities` ones.
    var responses: RenderedRecords?
    var quantities: RenderedRecords?

    init(_ request: ProviderRequest, _ principal: TitoPrincipal, view: View) {
        self.view = view
        money = principal.moneyAsNumbers ? TitoFormats.moneyNumber : TitoFormats.moneyString
        now = request.nowMilliseconds
    }

    init(_ request: ProviderRequest, _ scope: EventScope, view: View) {
        self.init(request, scope.principal, view: view)
        accountSlug = scope.account.slug
        eventSlug = scope.event.slug
        currency = scope.event.currency
    }

    var isExtended: Bool { view == .extended }

    /// The context for objects written inside this response's objects: the short view (or
    /// `view`), their associations empty, nothing of this response embedded.
    func forEmbedded(view: View = .short) -> RenderContext {
        var context = RenderContext(view: view, money: money, now: now)
        context.embedded = true
        context.accountSlug = accountSlug
        context.eventSlug = eventSlug
        context.currency = currency
        return context
    }

    private init(view: View, money: ColumnFormat, now: Int64) {
        self.view = view
        self.money = money
        self.now = now
    }
}

extension RecordView<RenderContext>.Member {
    /// `"view": "extended"` in the extended view only (spec §6).
    static var extendedMarker: Self { .constant("view", "extended").when { _, context in context.isExtended } }

    /// A time column in Tito's format.
    static func time(_ name: String, as key: String? = nil) -> Self { .column(name, as: key, format: TitoFormats.time) }

    /// A money column that is always a string (`amount`, `value`, donations).
    static func moneyString(_ name: String, as key: String? = nil) -> Self {
        .column(name, as: key, format: TitoFormats.moneyString)
    }

    /// `price`, `total`, `price_ex_tax`, `total_less_tax`: strings or numbers as the provider is set.
    static func money(_ name: String, as key: String? = nil) -> Self { .column(name, as: key, formattedBy: { $0.money }) }

    /// An association array, empty in an embedded object.
    static func association(_ key: String, ids column: String, in records: @escaping @Sendable (RenderContext) -> RenderedRecords?) -> Self {
        .embeddedArray(key, ids: column, in: { $0.embedded ? nil : records($0) })
    }
}

extension RecordView {
    /// The first row of `sql` as `{"<key>": {…}}`; 404 when there is none.
    func single(
        _ key: StaticString, _ sql: String, _ arguments: [any SQLiteBindable], context: Context, status: Int = 200,
        in database: Database
    ) throws -> HTTPResponse {
        var json = JSONBuilder(capacity: 4096)
        var found = false
        try json.object { json in
            json.key(key)
            try database.forEachRow(sql + " LIMIT 1", arguments: arguments) { cursor in
                try write(cursor, context, to: &json)
                found = true
            }
        }
        guard found else { throw TitoError.notFound }
        return ResourceResponse.body(json.bytes, status: status)
    }
}

extension RecordView where Context == Void {
    func single(_ key: StaticString, _ sql: String, _ arguments: [any SQLiteBindable], in database: Database) throws -> HTTPResponse {
        try single(key, sql, arguments, context: (), in: database)
    }
}
