import Emulation

/// T5 and T6: reassigning a ticket to someone else and voiding it (spec §11.15).
enum TicketActions {
    /// T5: `{"reassignment": {"email", "first_name", "last_name", "delete_answers"}}`; names not
    /// sent are kept. Answers go when `delete_answers` is true.
    static func reassign(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Ticket.write(request, principal) { database, scope, ticket in
            let input = try Attributes(request, wrapper: "reassignment")
            var errors = ValidationErrors()
            let email = input.string("email").value?.trimmingWhitespace() ?? ""
            if email.isEmpty {
                errors.add("email", ValidationErrors.blank)
            } else if !email.contains("@") {
                errors.add("email", ValidationErrors.invalid)
            }
            var deleteAnswers = false
            switch input.bool("delete_answers") {
            case .value(let flag): deleteAnswers = flag
            case .invalid: errors.add("delete_answers", ValidationErrors.notIncluded)
            default: break
            }
            if ticket.isVoid { errors.add("base", "Ticket can't be reassigned") }
            try errors.check()
            let firstName = input.string("first_name").value ?? ticket.firstName
            let lastName = input.string("last_name").value ?? ticket.lastName
            if deleteAnswers { try database.delete(Answer.self, where: "ticket_id = ?", ticket.id) }
            guard let release = try Release.find(id: ticket.releaseID, event: scope.event.id, in: database) else {
                throw TitoError.notFound
            }
            var changed = ticket
            (changed.email, changed.firstName, changed.lastName, changed.updatedAt) = (email, firstName, lastName, now)
            changed.state = try Ticket.state(
                firstName: firstName, lastName: lastName, email: email, release: release,
                answeredQuestions: try TicketAnswers.answeredQuestions(ofTicket: ticket.id, in: database), in: database)
            try database.update(changed)
            return try TicketView.single(id: ticket.id, request, scope, in: database)
        }
    }

    /// T6: `{"void": {"resell": bool}}` (or a top-level `resell`). `resell` is required when the
    /// release has a quantity; without resale that quantity goes down by one (spec §13.4).
    static func void(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Ticket.write(request, principal) { database, scope, ticket in
            let wrapped = try Attributes(request, wrapper: "void")
            let input = wrapped.has("resell") ? wrapped : try Attributes(request, wrapper: nil)
            guard var release = try Release.find(id: ticket.releaseID, event: scope.event.id, in: database) else {
                throw TitoError.notFound
            }
            var errors = ValidationErrors()
            var resell: Bool?
            switch input.bool("resell") {
            case .value(let flag): resell = flag
            case .invalid: errors.add("resell", ValidationErrors.notIncluded)
            case .absent, .null:
                if release.quantity != nil { errors.add("resell", ValidationErrors.notIncluded) }
            }
            if ticket.isVoid { errors.add("base", "Ticket has already been voided") }
            try errors.check()
            var voided = ticket
            (voided.state, voided.updatedAt) = ("void", now)
            try database.update(voided)
            if resell == false, let quantity = release.quantity {
                release.quantity = max(0, quantity - 1)
                try database.update(release)
            }
            return try .json { json in
                try json.object { json in
                    try json.object("void") { json in
                        json.field("_type", "void")
                        json.field("resell", resell ?? false)
                        json.key("ticket")
                        try TicketView.write(id: ticket.id, request, scope, in: database, to: &json)
                    }
                }
            }
        }
    }
}
