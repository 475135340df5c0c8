import Emulation

/// What Tito's views read besides the row (spec §6, §12): the view asked for, how money is
/// written, the emulated time, the event's names for URLs, and the records a response embeds.
/// An object written inside another (a ticket's registration, an event's releases) is rendered
/// with `embedded` set, which empties its own associations (spec §12 embedding rule).
struct RenderContext: Sendable {
    /// Everything the context holds, behind one reference: a view member takes the context by
    /// value, so a copy must cost a retain, not one per field. Changing a field makes a new box
    /// (a handful of times per response); reading one is a load.
    private var box: Box

    var view: View { get { box.values.view } set { self[\.view] = newValue } }
    var money: ColumnFormat { box.values.money }
    var now: Int64 { box.values.now }

    /// Says the response being rendered could differ once the emulated clock reaches
    /// `milliseconds`: a view member that compares a stored instant with `now` calls it for the
    /// instant its answer flips at, so a memoized response is kept only until then.
    func answerChanges(at milliseconds: Int64) { box.values.answerValidity?.changes(at: milliseconds) }
    var embedded: Bool { get { box.values.embedded } set { self[\.embedded] = newValue } }
    var accountSlug: String { get { box.values.accountSlug } set { self[\.accountSlug] = newValue } }
    var eventSlug: String { get { box.values.eventSlug } set { self[\.eventSlug] = newValue } }
    var currency: String { get { box.values.currency } set { self[\.currency] = newValue } }
    var registrations: RenderedRecords? { get { box.values.registrations } set { self[\.registrations] = newValue } }
    var releases: RenderedRecords? { get { box.values.releases } set { self[\.releases] = newValue } }
    var releaseSummaries: RenderedRecords? { get { box.values.releaseSummaries } set { self[\.releaseSummaries] = newValue } }
    var tickets: RenderedRecords? { get { box.values.tickets } set { self[\.tickets] = newValue } }
    var refunds: RenderedRecords? { get { box.values.refunds } set { self[\.refunds] = newValue } }
    var lineItems: RenderedRecords? { get { box.values.lineItems } set { self[\.lineItems] = newValue } }
    var answers: RenderedRecords? { get { box.values.answers } set { self[\.answers] = newValue } }
    var questions: RenderedRecords? { get { box.values.questions } set { self[\.questions] = newValue } }
    var activities: RenderedRecords? { get { box.values.activities } set { self[\.activities] = newValue } }
    var releaseActivities: RenderedRecords? { get { box.values.releaseActivities } set { self[\.releaseActivities] = newValue } }
    var responses: RenderedRecords? { get { box.values.responses } set { self[\.responses] = newValue } }
    var releaseNames: ReleaseNames? { get { box.values.releaseNames } set { self[\.releaseNames] = newValue } }
    var registrationContext: RenderContext? {
        get { box.values.registrationContext } set { self[\.registrationContext] = newValue }
    }

    private subscript<Value>(field: WritableKeyPath<Values, Value>) -> Value {
        get { box.values[keyPath: field] }
        set {
            var values = box.values
            values[keyPath: field] = newValue
            box = Box(values)
        }
    }

    private struct Values: Sendable {
        var view: View
        /// `price`, `total`, `price_ex_tax` and `total_less_tax`: strings, or numbers when the
        /// provider is set to (`TITO_MONEY_AS_NUMBERS`).
        let money: ColumnFormat
        /// The emulated time in milliseconds (releases' `expired` and `upcoming`).
        let now: Int64
        /// The request's, where a memoized answer's clock window is stated.
        let answerValidity: AnswerValidity?
        var embedded = false
        /// The event's account and slug (invitation URLs) and currency (line items).
        var accountSlug = ""
        var eventSlug = ""
        var currency = "USD"
        /// Records embedded by key, each filled by the response that needs it. A ticket's
        /// `responses` members (`"slug":"text"`) are filed here too, and activities under each
        /// release they name (`releaseActivities`).
        var registrations: RenderedRecords?
        var releases: RenderedRecords?
        var releaseSummaries: RenderedRecords?
        var tickets: RenderedRecords?
        var refunds: RenderedRecords?
        var lineItems: RenderedRecords?
        var answers: RenderedRecords?
        var questions: RenderedRecords?
        var activities: RenderedRecords?
        var releaseActivities: RenderedRecords?
        var responses: RenderedRecords?
        var releaseNames: ReleaseNames?
        /// The context a ticket's registration is written in, inline (short, embedded).
        var registrationContext: RenderContext?
    }

    private final class Box: Sendable {
        let values: Values

        init(_ values: Values) {
            self.values = values
        }
    }

    init(_ request: ProviderRequest, _ principal: TitoPrincipal, view: View) {
        box = Box(Values(view: view, money: principal.moneyFormat, now: request.nowMilliseconds, answerValidity: request.answerValidity))
    }

    init(_ request: ProviderRequest, _ scope: EventScope, view: View) {
        var values = Values(
            view: view, money: scope.principal.moneyFormat, now: request.nowMilliseconds, answerValidity: request.answerValidity)
        values.accountSlug = scope.account.slug
        values.eventSlug = scope.event.slug
        values.currency = scope.event.currency
        box = Box(values)
    }

    var isExtended: Bool { view.isExtended }

    /// The context for objects written inside this response's objects: the short view (or
    /// `view`), their associations empty, nothing of this response embedded.
    func forEmbedded(view: View = .short) -> RenderContext {
        var values = Values(view: view, money: money, now: now, answerValidity: box.values.answerValidity)
        values.embedded = true
        values.accountSlug = accountSlug
        values.eventSlug = eventSlug
        values.currency = currency
        return RenderContext(box: Box(values))
    }

    private init(box: Box) {
        self.box = box
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
