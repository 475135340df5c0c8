import Emulation
import Foundation

/// The mock-only endpoints of spec §12 that add what no public endpoint can: tokens, users,
/// organizations and memberships, and a look at the stored state. Users and organizations are
/// data (a reset takes them back); tokens are credentials and survive resets, but a token whose
/// user is gone answers `INVALID_AUTH`.
enum EventbriteControl: EventbriteResourceGroup {
    static let controlRoutes = [
        ControlRoute("POST", "/tokens", addToken),
        ControlRoute("POST", "/users", addUser),
        ControlRoute("POST", "/organizations", addOrganization),
        ControlRoute("POST", "/organizations/{organization_id}/members", addMember),
        ControlRoute("GET", "/state", state),
    ]

    /// `{"token": "T", "user_id": "12345", "disabled": false}` → the token as
    /// `/_understudy/credentials` lists it. A `disabled` token answers `ACCESS_DENIED`.
    static func addToken(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        guard let value = body["token"]?.stringValue, !value.isEmpty, value.count <= 256,
            !value.contains(where: { $0.isWhitespace || $0 == "," })
        else { throw ControlError.badRequest("token must be a non-empty string without spaces or commas") }
        let userID = try user(body["user_id"], in: request)
        var subject = JSONObject([(key: "user_id", value: .string(String(userID)))])
        switch body["disabled"] {
        case nil, .null?, .bool(false)?: break
        case .bool(true)?: subject.append("disabled", true)
        default: throw ControlError.badRequest("disabled must be true or false")
        }
        let token = IssuedToken(
            provider: EventbriteAuth.provider, value: value, subject: subject, purpose: "Added through the control API",
            origin: .minted, keptOnReset: true)
        request.world.tokens.add(token)
        return .json(token.listing, contentType: "application/json")
    }

    /// `{"first_name", "last_name", "email", "name"?, "id"?, "organizations"?: [ids]}` → the new
    /// user (`/users/me/`'s shape), a member of the organizations named.
    static func addUser(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        func text(_ key: String) throws -> String? {
            switch body[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw ControlError.badRequest("\(key) must be a string")
            }
        }
        let user = try request.write { database -> User in
            var user = User()
            user.id = try newID(body["id"], table: "eventbrite_users", in: database)
            user.firstName = try text("first_name")
            user.lastName = try text("last_name")
            user.name = try text("name") ?? [user.firstName, user.lastName].compactMap { $0 }.joined(separator: " ")
            if let email = try text("email") {
                guard email.contains("@") else { throw ControlError.badRequest("email must be an email address") }
                user.emails = [User.Email(email: email, verified: true, primary: true)]
            }
            try database.insert(user)
            for organizationID in try ids(body["organizations"], "organizations") {
                try join(user.id, organizationID, in: database, now: request.now)
            }
            return user
        }
        return .json(
            [
                "emails": .array(user.emails.map { ["email": .string($0.email), "verified": .bool($0.verified), "primary": .bool($0.primary)] }),
                "id": .string(String(user.id)), "name": .string(user.name), "first_name": .string(user.firstName),
                "last_name": .string(user.lastName), "is_public": false, "image_id": nil,
            ], contentType: "application/json")
    }

    /// `{"name", "id"?, "members"?: [user ids], "has_payment_options"?: true}` → the new
    /// organization, with its default organizer (same id, same name, §10.1); the first member is
    /// its owner.
    static func addOrganization(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        guard let name = body["name"]?.stringValue, !name.trimmingWhitespace().isEmpty else {
            throw ControlError.badRequest("name must be a non-empty string")
        }
        let organization = try request.write { database -> Organization in
            var organization = Organization()
            organization.id = try newID(body["id"], table: "eventbrite_organizations", in: database)
            guard try database.queryOne("SELECT 1 FROM eventbrite_organizers WHERE id = ?", organization.id) == nil else {
                throw ControlError(message: "An organizer already has the id \(organization.id)", status: 409)
            }
            organization.name = name
            switch body["has_payment_options"] {
            case nil, .null?: break
            case .bool(let flag)?: organization.hasPaymentOptions = flag
            default: throw ControlError.badRequest("has_payment_options must be true or false")
            }
            try database.insert(organization)
            var organizer = Organizer()
            organizer.id = organization.id
            organizer.organizationID = organization.id
            organizer.name = name
            try database.insert(organizer)
            for userID in try ids(body["members"], "members") { try join(userID, organization.id, in: database, now: request.now) }
            return organization
        }
        return .json(
            [
                "_type": "organization", "name": .string(organization.name), "vertical": .string(organization.vertical),
                "parent_id": nil, "locale": .string(organization.locale), "image_id": nil, "id": .string(String(organization.id)),
            ], contentType: "application/json")
    }

    /// `{"user_id": "…"}`: the user joins the organization (nothing changes when already a member).
    static func addMember(_ request: ProviderRequest) throws -> HTTPResponse {
        let body = try request.http.controlObjectBody()
        guard let organizationID = EventbriteID.parse(request.parameter("organization_id")) else {
            throw ControlError.notFound("No organization \(request.parameter("organization_id"))")
        }
        let userID = try user(body["user_id"], in: request)
        try request.write { database in try join(userID, organizationID, in: database, now: request.now) }
        return .json(["organization_id": .string(String(organizationID)), "user_id": .string(String(userID))], contentType: "application/json")
    }

    /// `GET /state`: the row count of every Eventbrite table; `?table=eventbrite_webhooks` its
    /// rows (the first 1,000, in storage order), column by column.
    static func state(_ request: ProviderRequest) throws -> HTTPResponse {
        let names = EventbriteProvider.groups.flatMap { $0.tables }.map(\.name)
        return try request.read { database in
            if let table = request.query["table"] {
                guard names.contains(table) else { throw ControlError.notFound("No Eventbrite table \(table)") }
                let rows = try database.query("SELECT * FROM \(table) LIMIT 1000")
                let columns = try database.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table).compactMap { $0.string("name") }
                let objects: [JSONValue] = rows.map { row in
                    .object(JSONObject(columns.enumerated().map { index, name in (key: name, value: json(row[index])) }))
                }
                return .json(["table": .string(table), "rows": .array(objects)], contentType: "application/json")
            }
            var counts = JSONObject()
            for name in names {
                counts.append(name, .int(Int64(try database.queryOne("SELECT COUNT(*) AS n FROM \(name)")?.int("n") ?? 0)))
            }
            return .json(["tables": .object(counts)], contentType: "application/json")
        }
    }

    private static func json(_ value: SQLiteValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .integer(let number): return .int(number)
        case .real(let number): return .double(number)
        case .text(let text): return .string(text)
        case .blob(let bytes): return .string(Data(bytes).base64EncodedString())
        }
    }

    /// The id a body asks for (unused in `table`), or the next of the shared counter.
    private static func newID(_ value: JSONValue?, table: String, in database: Database) throws -> Int64 {
        guard let value, value != .null else { return try EventbriteID.next(in: database) }
        guard let id = EventbriteID.parse(value) else { throw ControlError.badRequest("id must be a string of digits") }
        guard try database.queryOne("SELECT 1 FROM \(table) WHERE id = ?", id) == nil else {
            throw ControlError(message: "The id \(id) is taken", status: 409)
        }
        return id
    }

    private static func ids(_ value: JSONValue?, _ name: String) throws -> [Int64] {
        switch value {
        case nil, .null?: return []
        case .array(let items)?:
            let ids = items.compactMap(EventbriteID.parse)
            guard ids.count == items.count else { throw ControlError.badRequest("\(name) must be a list of ids") }
            return ids
        default: throw ControlError.badRequest("\(name) must be a list of ids")
        }
    }

    /// An existing user's id.
    private static func user(_ value: JSONValue?, in request: ProviderRequest) throws -> Int64 {
        guard let id = EventbriteID.parse(value) else { throw ControlError.badRequest("user_id must be a user's id") }
        guard try request.read({ try Users.exists(id, in: $0) }) else { throw ControlError.notFound("No user \(id)") }
        return id
    }

    /// Makes the user a member of the organization (the first member is its owner).
    private static func join(_ userID: Int64, _ organizationID: Int64, in database: Database, now: Date) throws {
        guard try Organizations.exists(organizationID, in: database) else { throw ControlError.notFound("No organization \(organizationID)") }
        guard try Users.exists(userID, in: database) else { throw ControlError.notFound("No user \(userID)") }
        guard try database.queryOne(
            "SELECT 1 FROM eventbrite_members WHERE organization_id = ? AND user_id = ?", organizationID, userID) == nil
        else { return }
        var member = Member()
        member.id = try EventbriteID.next(in: database)
        member.organizationID = organizationID
        member.userID = userID
        member.isOwner = try database.queryOne("SELECT 1 FROM eventbrite_members WHERE organization_id = ?", organizationID) == nil
        member.created = EpochSeconds(now)
        try database.insert(member)
    }
}
