import Emulation

/// An Eventbrite error (spec §6.1): `{"status_code", "error_description", "error"}`, plus
/// `error_detail` for argument errors. Handlers throw these; the framework sends `response`.
/// Every common error of §6.2 and the NOT_FOUND texts of §6.3 are built here, so no resource
/// spells an error body of its own.
struct EventbriteError: ResponseError, Equatable {
    let status: Int
    /// The stable constant clients branch on (`ARGUMENTS_ERROR`, `DATE_CONFLICT`…).
    let code: String
    let description: String
    /// `{"ARGUMENTS_ERROR": {field: [codes]}}` for argument errors.
    var detail: JSONValue?
    /// Extra response headers (`Retry-After` of a 429).
    var headers: [(String, String)] = []

    init(status: Int, code: String, description: String, detail: JSONValue? = nil) {
        self.status = status
        self.code = code
        self.description = description
        self.detail = detail
    }

    static func == (lhs: EventbriteError, rhs: EventbriteError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.description == rhs.description && lhs.detail == rhs.detail
    }

    /// The body in the key order of the seed's and the SDK's examples.
    var body: JSONValue {
        var object = JSONObject()
        object.append("status_code", .int(status))
        if let detail { object.append("error_detail", detail) }
        object.append("error_description", .string(description))
        object.append("error", .string(code))
        return .object(object)
    }

    var response: HTTPResponse { .json(body, status: status, contentType: "application/json", headers: headers) }

    /// An endpoint-specific constant (`DATE_CONFLICT`, `CANNOT_UNPUBLISH`…), 400 unless stated (§6.1).
    static func rule(_ code: String, _ description: String, status: Int = 400) -> EventbriteError {
        EventbriteError(status: status, code: code, description: description)
    }

    // MARK: Common errors (§6.2)

    static let permanentlyMoved = EventbriteError(
        status: 301, code: "PERMANENTLY_MOVED", description: "Resource must be retrieved from a different URL.")
    static let badContinuationToken = EventbriteError(
        status: 400, code: "BAD_CONTINUATION_TOKEN", description: "Invalid continuation token passed.")
    static let badPage = EventbriteError(
        status: 400, code: "BAD_PAGE", description: "Page number does not exist or is an invalid format (e.g. negative).")
    static let invalidBody = EventbriteError(
        status: 400, code: "INVALID_BODY", description: "A request body that was not in JSON format was passed.")
    static let invalidAuthHeader = EventbriteError(
        status: 400, code: "INVALID_AUTH_HEADER", description: "Authorization header format invalid")
    static let noAuth = EventbriteError(
        status: 401, code: "NO_AUTH", description: "An OAuth token is required for all requests")
    static let accessDenied = EventbriteError(status: 401, code: "ACCESS_DENIED", description: "Authentication unsuccessful.")
    static let notAuthorized = EventbriteError(
        status: 403, code: "NOT_AUTHORIZED", description: "You do not have permission to access the resource you requested.")
    static let pathNotFound = EventbriteError(
        status: 404, code: "NOT_FOUND", description: "The path you requested does not exist.")
    static let methodNotAllowed = EventbriteError(
        status: 405, code: "METHOD_NOT_ALLOWED", description: "Method is not allowed for this endpoint.")
    static let requestConflict = EventbriteError(
        status: 409, code: "REQUEST_CONFLICT", description: "Requested operation resulted in conflict.")
    static let alreadyExists = EventbriteError(
        status: 400, code: "BAD_REQUEST", description: "The resource you're creating already exists.")
    static let expansionFailed = EventbriteError(
        status: 500, code: "EXPANSION_FAILED",
        description: "Unhandled error occurred during expansion; the request is likely to succeed if you don't ask for expansions.")
    /// "occured" as the official SDK's fixture spells it.
    static let internalError = EventbriteError(status: 500, code: "INTERNAL_ERROR", description: "An unhandled error occured in Eventbrite.")
    static let actionNotProcessed = rule("ACTION_NOT_PROCESSED", "Requested operation not processed.")
    static let invalidArgument = rule("INVALID_ARGUMENT", "Invalid argument value passed.")
    static let invalidBatch = rule("INVALID_BATCH", "Batched request is missing or invalid.")
    static let unsupportedOperation = rule("UNSUPPORTED_OPERATION", "Requested operation not supported.")

    /// The common errors of §6.2 whose description is fixed, by constant: what a fault armed
    /// with `"error"` answers (several, like `EXPANSION_FAILED`, the mock emits only that way).
    static let common: [String: EventbriteError] = Dictionary(
        uniqueKeysWithValues: [
            permanentlyMoved, actionNotProcessed, badContinuationToken, badPage, invalidArgument, invalidAuth(),
            invalidAuthHeader, invalidBatch, invalidBody, unsupportedOperation, accessDenied, noAuth, notAuthorized,
            pathNotFound, methodNotAllowed, requestConflict, hitRateLimit(retryAfter: 3600), expansionFailed, internalError,
        ].map { ($0.code, $0) })

    /// An unknown or revoked token: 401 as production answers (ambiguity A1), or the seed
    /// table's 400 when `EVENTBRITE_INVALID_AUTH_STATUS=400`.
    static func invalidAuth(status: Int = 401) -> EventbriteError {
        EventbriteError(status: status, code: "INVALID_AUTH", description: "The OAuth token you provided was invalid.")
    }

    static func hitRateLimit(retryAfter seconds: Int) -> EventbriteError {
        var error = EventbriteError(
            status: 429, code: "HIT_RATE_LIMIT",
            description: "Hourly rate limit has been reached for this token. Default rate limits are 2,000 calls per hour.")
        error.headers = [("Retry-After", String(seconds))]
        return error
    }

    static func unknownSwitch(_ name: String) -> EventbriteError {
        EventbriteError(status: 400, code: "BAD_REQUEST", description: "Unknown or deprecated switch: \(name)")
    }

    // MARK: NOT_FOUND for unknown ids (§6.3)

    /// `The <thing> you requested does not exist.`
    static func notFound(_ thing: NotFoundSubject) -> EventbriteError {
        EventbriteError(status: 404, code: "NOT_FOUND", description: "The \(thing.rawValue) you requested does not exist.")
    }

    /// The seed writes a few texts without the final period (the canned and custom question endpoints).
    static func notFoundWithoutPeriod(_ thing: NotFoundSubject) -> EventbriteError {
        EventbriteError(status: 404, code: "NOT_FOUND", description: "The \(thing.rawValue) you requested does not exist")
    }
}

/// How §6.3 names each kind of resource in its NOT_FOUND description.
enum NotFoundSubject: String, Sendable {
    case event
    case organization = "organization_id"
    case user = "user_id"
    case venue = "venue_id"
    case order = "order_id"
    case attendee = "attendee_id"
    case ticketClass = "ticket_class_id"
    case discount = "discount_id"
    case question
    case inventoryTier = "event or inventory_tier_id"
    case ticketGroup = "ticket_group_id"
    case team = "team_id"
    case webhook
    case media = "media_id"
    case category
    case subcategory
    case format
    case series = "event_series_id"
    case organizer = "organizer_id"
}
