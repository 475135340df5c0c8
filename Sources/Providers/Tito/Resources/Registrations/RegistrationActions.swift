import Emulation

/// R7 and R8: refunding and cancelling a registration (spec §11.11, §15 A22).
enum RegistrationActions {
    /// R7: `{"refund": {"manual": bool}}` refunds what is left of the total; tickets stay valid.
    static func refund(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = TitoFormats.milliseconds(request.now)
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "refunds", in: database)
            let registration = try RegistrationEndpoints.find(request, scope, in: database)
            let input = try Attributes(request, wrapper: "refund")
            guard case .value(let manual) = input.bool("manual") else {
                throw TitoError.unprocessable("manual", ValidationErrors.notIncluded)
            }
            let refunded = Int64(try database.queryOne(
                "SELECT COALESCE(SUM(amount), 0) AS n FROM tito_refunds WHERE registration_id = ?", registration.id)?.int("n") ?? 0)
            let amount = registration.total - refunded
            guard amount > 0, registration.state != "cancelled" else {
                throw TitoError.unprocessable("base", "Registration can't be refunded")
            }
            let id = try Identifiers.next("refunds", in: database)
            try database.run(
                "INSERT INTO tito_refunds (id, event_id, registration_id, amount, manual, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, scope.event.id, registration.id, amount, manual, now, now)
            try database.run("UPDATE tito_registrations SET refunded = 1, updated_at = ? WHERE id = ?", now, registration.id)
            return try RefundEndpoints.respond(id, scope: scope, status: 201, request, in: database)
        }
    }

    /// R8: cancels the registration and voids its tickets, which keeps release quantities as they
    /// are (spec §13.4). Repeating it changes nothing.
    static func cancel(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = TitoFormats.milliseconds(request.now)
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let registration = try RegistrationEndpoints.find(request, scope, in: database)
            if registration.state != "cancelled" {
                try database.run("UPDATE tito_registrations SET state = 'cancelled', updated_at = ? WHERE id = ?", now, registration.id)
                try database.run(
                    "UPDATE tito_tickets SET state = 'void', updated_at = ? WHERE registration_id = ? AND state != 'void'", now,
                    registration.id)
            }
            return try RegistrationEndpoints.respond(registration.id, scope: scope, status: 200, request, in: database)
        }
    }
}
