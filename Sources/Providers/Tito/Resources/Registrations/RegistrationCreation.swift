import Emulation

/// R3: a registration with one or more tickets, created by an admin (spec §11.11, §13.3).
enum RegistrationCreation {
    static func create(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = request.nowMilliseconds
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let input = try Attributes(request, wrapper: "registration")
            var errors = ValidationErrors()
            var order = OrderCreation()
            order.name = nonBlank(input.string("name").value)
            order.email = nonBlank(input.string("email").value)
            if let email = order.email, !email.contains("@") { errors.add("email", ValidationErrors.invalid) }
            order.companyName = input.string("company_name").value
            order.phoneNumber = input.string("phone_number").value
            // Blank `source` and `discount_code` count as not given (the docs' example sends "").
            order.source = nonBlank(input.string("source").value)
            if case .value(let metadata) = input.jsonObject("metadata") { order.metadata = metadata }

            var items: [(release: Release, quantity: Int64, donation: Int64?)] = []
            switch input.array("line_items") {
            case .value(let values) where !values.isEmpty:
                for value in values {
                    guard let reference = value["release_id"],
                        let release = try Release.find(reference: reference, event: scope.event.id, in: database)
                    else {
                        errors.add("line_items", ValidationErrors.invalid)
                        continue
                    }
                    let quantity = value["quantity"].map { Attributes.quantity($0) } ?? 1
                    guard let quantity, quantity >= 1, quantity <= 1000 else {
                        errors.add("line_items", ValidationErrors.invalid)
                        continue
                    }
                    items.append((release, quantity, value["donation"].flatMap(TitoFormats.cents)))
                }
            case .invalid: errors.add("line_items", ValidationErrors.invalid)
            default: errors.add("line_items", ValidationErrors.blank)
            }

            var discount: DiscountApplication?
            if let text = nonBlank(input.string("discount_code").value?.trimmingWhitespace()) {
                discount = try DiscountApplication.find(text, event: scope.event.id, in: database)
                let usable = discount.map { code in code.isUsable && items.contains { code.applies(to: $0.release.id) } } ?? false
                if !usable { errors.add("discount_code", ValidationErrors.invalid) }
            }
            try errors.check()
            try OrderCreation.checkAvailability(items.map { ($0.release, $0.quantity) }, scope: scope, in: database)

            for item in items {
                let unit = unitPrice(item.release, donation: item.donation)
                // A free unit has nothing to discount, so it does not use the code up.
                let discounted = unit > 0 ? discount?.discountedUnits(of: item.quantity, release: item.release.id) ?? 0 : 0
                if discounted > 0, let discount {
                    let price = discount.price(unit)
                    order.lineItems.append((item.release.id, discounted, price))
                    for _ in 0..<discounted {
                        order.tickets.append(OrderCreation.NewTicket(release: item.release, holder: TicketHolder(price: price), discountCodeUsed: discount.code))
                    }
                }
                if item.quantity > discounted {
                    order.lineItems.append((item.release.id, item.quantity - discounted, unit))
                    for _ in 0..<(item.quantity - discounted) {
                        order.tickets.append(OrderCreation.NewTicket(release: item.release, holder: TicketHolder(price: unit)))
                    }
                }
            }
            order.discountCode = discount?.code
            // A single ticket goes to the registrant; several stay unassigned (spec §13.3 step 6).
            if order.tickets.count == 1 {
                let words = (order.name ?? "").split(separator: " ", maxSplits: 1).map(String.init)
                order.tickets[0].holder.firstName = words.first
                order.tickets[0].holder.lastName = words.count > 1 ? words[1] : nil
                order.tickets[0].holder.email = order.email
                order.tickets[0].holder.companyName = order.companyName
                order.tickets[0].holder.phoneNumber = order.phoneNumber
            }
            let created = try order.save(scope: scope, now: now, in: database)
            return try RegistrationView.single(id: created.registration, status: 201, request, scope, in: database)
        }
    }

    /// The price of one unit before discount (spec §13.3 step 3).
    static func unitPrice(_ release: Release, donation: Int64?) -> Int64 {
        switch release.pricingType {
        case "donation":
            return donation ?? release.suggestedDonation ?? 0
        case "degressive":
            return release.firstDegressivePrice ?? release.price ?? 0
        default:
            return release.price ?? 0
        }
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text, !text.isBlank else { return nil }
        return text
    }
}

extension Attributes {
    /// A line-item quantity: a whole number or a numeric string.
    static func quantity(_ value: JSONValue) -> Int64? {
        if let number = value.intValue { return number }
        return value.stringValue.flatMap { Int64($0.trimmingWhitespace()) }
    }
}
