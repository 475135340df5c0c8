import Emulation

/// R7 and R8: refunding and cancelling a registration (spec §11.11, §15 A22).
enum RegistrationActions {
    /// R7: `{"refund": {"manual": bool}}` refunds what is left of the total; tickets stay valid.
    /// The docs' own example refunds their free registration, so a free one can be refunded
    /// once, for 0.0 (spec §15 A22 had refused it); a paid one until nothing is left.
    static func refund(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Registration.write(request, principal, resource: "refunds") { database, scope, registration in
            let input = try Attributes(request, wrapper: "refund")
            guard case .value(let manual) = input.bool("manual") else {
                throw TitoError.unprocessable("manual", ValidationErrors.notIncluded)
            }
            let refunded = try database.fetchAll(Refund.self, where: "registration_id = ?", registration.id).reduce(0) { $0 + $1.amount }
            let amount = registration.total - refunded
            guard registration.state != "cancelled", amount > 0 || (amount == 0 && !registration.refunded) else {
                throw TitoError.unprocessable("base", "Registration can't be refunded")
            }
            let refund = Refund(
                id: try Identifiers.next("refunds", in: database), eventID: scope.event.id, registrationID: registration.id,
                amount: amount, manual: manual, createdAt: now, updatedAt: now)
            try database.insert(refund)
            var changed = registration
            changed.refunded = true
            changed.updatedAt = now
            try database.update(changed)
            return try RefundEndpoints.single(id: refund.id, status: 201, request, scope, in: database)
        }
    }

    /// R8: cancels the registration and voids its tickets, which keeps release quantities as they
    /// are (spec §13.4). Repeating it changes nothing.
    static func cancel(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Registration.write(request, principal) { database, scope, registration in
            if registration.state != "cancelled" {
                var cancelled = registration
                cancelled.state = "cancelled"
                cancelled.updatedAt = now
                try database.update(cancelled)
                for var ticket in try database.fetchAll(Ticket.self, where: "registration_id = ? AND state != 'void'", registration.id) {
                    ticket.state = "void"
                    ticket.updatedAt = now
                    try database.update(ticket)
                }
            }
            return try RegistrationView.single(id: registration.id, request, scope, in: database)
        }
    }
}
