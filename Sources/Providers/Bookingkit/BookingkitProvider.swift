import Emulation
import Foundation

/// bookingkit's REST API v3 (https://api.bookingkit.de/v3, token endpoint at the host root), as
/// specified in specs/bookingkit.md.
///
/// Clients take an OAuth token with their client credentials (`TokenEndpoint`) and present it as
/// a bearer token (`BookingkitAuth`); what they see and may call depends on their kind and the
/// token's scopes (`Access`, `BookingkitClient`). Each resource is a `StoredRecord` rendered
/// through a `RecordView` straight from its statement; list endpoints share the collection
/// parameters (`ListRequest`, `ListResponse`). Booking rules — seats, stock, order states,
/// reservations that expire on the emulated clock — live with the orders (`SeatLedger`,
/// `OrderTransitions`, `ReservationRules`). Lists default to creation order, which is each
/// table's rowid: rows are inserted in seed order, then as created.
public struct BookingkitProvider: Provider {
    static let providerName = "bookingkit"

    public let name = BookingkitProvider.providerName
    public let basePath = "/v3"
    public let hosts = ["api.bookingkit.de", "api-sandbox.bookingkit.de"]
    /// Its own reset endpoint answers 204 (spec §10.2).
    public let resetStatus = 204

    private let settings: BookingkitSettings
    private let oauth: OAuthServer

    /// Reads the `BOOKINGKIT_*` settings (`BookingkitSettings`); throws a `SettingsError` naming
    /// every value that cannot be used, so the server refuses to start.
    public init(environment: [String: String]) throws {
        settings = try SettingsReader.read(environment) { BookingkitSettings(&$0) }
        oauth = BookingkitOAuth.server(settings)
    }

    static let tables: [RecordTable] = [
        VendorRecord.table, CategoryRecord.table, EventRecord.table, EventCategoryRecord.table, PriceRecord.table,
        DateRecord.table, ProductRecord.table, OrderRecord.table, TicketRecord.table, ParticipantRecord.table,
        ProductLineRecord.table, VoucherOrderRecord.table, FlexTicketRecord.table, PaymentRecord.table, FlexOfferRecord.table,
        OpenDateTicketRecord.table, RedeemableCodeRecord.table, UserRecord.table,
    ]

    public var schema: String { ([oauth.clients.schema] + Self.tables.map(\.schema)).joined(separator: "\n") }

    public func loadSeed(from seed: SeedDirectory, into database: Database) throws {
        try BookingkitSeed.load(from: seed, into: database, oauth: oauth, bulk: settings.bulk)
    }

    public func initialTokens(from seed: SeedDirectory, database: Database) throws -> [IssuedToken] {
        try BookingkitCredentials.initialTokens(from: seed)
    }

    public var routes: [Route<BookingkitClient>] {
        let endpoints = Endpoints(settings: settings)
        return [TokenEndpoint.route(oauth)] + Vendors.routes(endpoints) + Events.routes(endpoints) + EventDates.routes(endpoints)
            + MergedEvents.routes(endpoints) + Dates.routes(endpoints) + MergedDates.routes(endpoints) + DatesBatch.routes(endpoints)
            + Products.routes(endpoints) + Orders.routes(endpoints) + Payments.routes(endpoints) + Tickets.routes(endpoints)
            + OpenDateTickets.routes(endpoints) + FlexOffers.routes(endpoints) + Categories.routes(endpoints)
            + VendorDirectory.users.routes(endpoints) + VendorDirectory.coupons.routes(endpoints)
            + VendorDirectory.vouchers.routes(endpoints)
    }

    public var controlRoutes: [ControlRoute] { BookingkitControl.routes }

    public func authenticate(_ request: ProviderRequest) throws -> BookingkitClient {
        try BookingkitAuth(oauth: oauth).authenticate(request)
    }

    /// An unknown route is the 404 body, a known path with another method the 405 with `Allow`,
    /// both before any token check (spec §2.3 order); the token endpoint answers the OAuth
    /// library's 405.
    public func routeNotFound(_ request: UnmatchedRequest) -> HTTPResponse {
        guard !request.allowedMethods.isEmpty else { return BookingkitError.notFound.response }
        if request.path.hasPrefix("/oauth/token") { return OAuthFailure.wrongMethod.response }
        return BookingkitError.methodNotAllowed(allowed: request.allowedMethods).response
    }

    /// `POST …?method=PATCH` (or `DELETE`) is that method (spec §1); any other override is refused.
    public func rewrite(_ request: inout HTTPRequest) -> HTTPResponse? {
        guard request.method == "POST", let override = QueryParameters(request.query)["method"] else { return nil }
        guard override == "PATCH" || override == "DELETE" else {
            return BookingkitError.invalidParameter("The parameter \"method\" must be one of \"PATCH\", \"DELETE\"").response
        }
        request.method = override
        return nil
    }

    /// Malformed JSON is the `40000` body; storage failures and injected faults the server body.
    public func errorResponse(for error: any Error, status: Int) -> HTTPResponse {
        if error is JSONBodyError || error is RequestBodyError { return BookingkitError.invalidBody().response }
        return BookingkitError.server(status: status).response
    }

    public func credentials(in database: Database, tokens: [IssuedToken]) throws -> JSONValue {
        try BookingkitCredentials.listing(oauth, tokens: tokens, in: database)
    }
}
