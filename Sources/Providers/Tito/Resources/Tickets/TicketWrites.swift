import Emulation

/// T3 and T4: create a ticket (with its own manual registration) and update one (spec §11.15).
enum TicketWrites {
    /// T3: `release_id` (slug or id) is required; the price is the one sent, 0.0 by default.
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "tickets", in: database)
            let input = try Attributes(request, wrapper: "ticket")
            var errors = ValidationErrors()
            var release: Release?
            if let reference = input["release_id"], reference != .null, reference != .string("") {
                release = try Release.find(reference: reference, event: scope.event.id, in: database)
                if release == nil { errors.add("release_id", ValidationErrors.invalid) }
            } else {
                errors.add("release_id", ValidationErrors.blank)
            }
            var holder = TicketHolder()
            holder.apply(input, errors: &errors)
            let answers = try TicketAnswers.parse(input.array("answers"), event: scope.event.id, errors: &errors, in: database)
            try errors.check()
            guard let release else { throw TitoError.notFound }
            try OrderCreation.checkAvailability([(release, 1)], scope: scope, in: database)
            var order = OrderCreation()
            order.name = Ticket.name(first: holder.firstName, last: holder.lastName)
            order.email = holder.email
            order.companyName = holder.companyName
            order.phoneNumber = holder.phoneNumber
            order.lineItems = [(release.id, 1, holder.price)]
            order.tickets = [
                OrderCreation.NewTicket(release: release, holder: holder, answers: answers ?? [])
            ]
            let created = try order.save(scope: scope, now: now, in: database)
            return try TicketView.single(id: created.tickets[0], status: 201, request, scope, in: database)
        }
    }

    /// T4: partial; a new `release_id` moves the ticket; answers are upserted by question.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try Ticket.write(request, principal) { database, scope, ticket in
            let input = try Attributes(request, wrapper: "ticket")
            guard !input.object.isEmpty else { return try TicketView.single(id: ticket.id, request, scope, in: database) }
            var errors = ValidationErrors()
            guard var release = try Release.find(id: ticket.releaseID, event: scope.event.id, in: database) else {
                throw TitoError.notFound
            }
            if let reference = input["release_id"] {
                if let moved = try Release.find(reference: reference, event: scope.event.id, in: database) {
                    release = moved
                } else {
                    errors.add("release_id", reference == .null || reference == .string("") ? ValidationErrors.blank : ValidationErrors.invalid)
                }
            }
            var holder = TicketHolder(ticket)
            holder.apply(input, errors: &errors)
            let answers = try TicketAnswers.parse(input.array("answers"), event: scope.event.id, errors: &errors, in: database)
            try errors.check()
            if release.id != ticket.releaseID && !ticket.isVoid {
                try OrderCreation.checkAvailability([(release, 1)], scope: scope, in: database)
            }
            for answer in answers ?? [] {
                try TicketAnswers.upsert(answer, ticket: ticket.id, event: scope.event.id, now: now, in: database)
            }
            let state = ticket.isVoid
                ? "void"
                : try Ticket.state(
                    firstName: holder.firstName, lastName: holder.lastName, email: holder.email, release: release,
                    answeredQuestions: try TicketAnswers.answeredQuestions(ofTicket: ticket.id, in: database), in: database)
            var changed = ticket
            changed.releaseID = release.id
            holder.write(to: &changed)
            (changed.state, changed.updatedAt) = (state, now)
            try database.update(changed)
            return try TicketView.single(id: ticket.id, request, scope, in: database)
        }
    }
}
