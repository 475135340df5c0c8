import Emulation

/// Writes the order objects of one event (spec §12.10–§12.12): registrations, tickets, refunds and
/// line items, embedding each other as the embedding rule says (an embedded object's own
/// associations are empty), releases with the counters of the token's view.
struct OrderRenderer {
    let scope: EventScope
    let releases: [Int64: ReleaseRecord]
    /// Each release as embedded in a ticket, written once per response.
    private let embeddedReleases: [Int64: [UInt8]]

    init(scope: EventScope, now: Int64, in database: Database) throws {
        self.scope = scope
        releases = Dictionary(
            try ReleaseRecord.all(event: scope.event.id, in: database).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let releaseRenderer = try ReleaseRenderer(scope: scope, now: now, in: database)
        embeddedReleases = releases.mapValues { release in
            var json = JSONBuilder()
            releaseRenderer.encode(release, view: .short, embedded: true, to: &json)
            return json.bytes
        }
    }

    // MARK: Tickets

    /// A ticket; top-level ones embed their registration and release, extended ones list answers.
    /// `embeddedRegistration` is the registration as `embedded(_:)` wrote it, when the caller
    /// writes many tickets of the same registrations.
    func encode(
        _ ticket: TicketRecord, answers: [AnswerRecord], registration: RegistrationRecord?, view: View, embedded: Bool,
        embeddedRegistration: [UInt8]? = nil, to json: inout JSONBuilder
    ) {
        let release = releases[ticket.releaseID]
        json.object { json in
            json.field("_type", "ticket")
            json.field("id", ticket.id)
            json.field("slug", ticket.slug)
            json.field("company_name", ticket.companyName)
            json.field("email", ticket.email)
            json.key("metadata")
            JSONColumn.write(ticket.metadata, to: &json)
            json.field("first_name", ticket.firstName)
            json.field("last_name", ticket.lastName)
            json.field("name", ticket.name)
            json.field("number", ticket.number)
            json.field("phone_number", ticket.phoneNumber)
            json.field("price", cents: ticket.price)
            json.field("reference", ticket.reference)
            json.field("state", ticket.state)
            json.field("test_mode", ticket.testMode)
            json.field("registration_id", ticket.registrationID)
            json.field("release_id", ticket.releaseID)
            json.field("consented_at", milliseconds: ticket.consentedAt)
            json.field("discount_code_used", ticket.discountCodeUsed)
            json.field("created_at", milliseconds: ticket.createdAt)
            json.field("updated_at", milliseconds: ticket.updatedAt)
            json.key("responses")
            if answers.isEmpty {
                json.null()
            } else {
                json.object { json in
                    for answer in answers {
                        json.key(escaping: answer.questionSlug)
                        json.string(answer.primaryText)
                    }
                }
            }
            json.field("assigned", ticket.assigned)
            json.field("price_less_tax", cents: ticket.price)
            json.field("total_paid", cents: ticket.price)
            json.field("total_tax_paid", cents: 0)
            json.field("total_paid_less_tax", cents: ticket.price)
            json.field("tags", ticket.tags)
            json.key("upgrade_ids")
            JSONColumn.write(ticket.upgradeIDs, to: &json)
            json.field("registration_slug", registration?.slug)
            json.field("release_slug", release?.slug)
            json.field("release_title", release?.title)
            json.key("registration")
            if let embeddedRegistration, !embedded {
                json.encodedValue(embeddedRegistration)
            } else if let registration, !embedded {
                encode(registration, tickets: [], refunds: [], view: .short, embedded: true, to: &json)
            } else {
                json.null()
            }
            json.key("release")
            if let bytes = embeddedReleases[ticket.releaseID], !embedded {
                json.encodedValue(bytes)
            } else {
                json.null()
            }
            if view.isExtended {
                json.key("answers")
                json.value(.array(embedded ? [] : answers.map(\.json)))
                json.field("view", "extended")
            }
        }
    }

    // MARK: Registrations

    /// A registration; top-level ones list their tickets (embedded), receipt, refunds and line items.
    func encode(
        _ registration: RegistrationRecord, tickets: [TicketRecord], refunds: [RefundRecord], answers: [Int64: [AnswerRecord]] = [:],
        view: View, embedded: Bool, to json: inout JSONBuilder
    ) {
        json.object { json in
            json.field("_type", "registration")
            json.field("id", registration.id)
            json.field("slug", registration.slug)
            json.key("billing_address")
            JSONColumn.write(registration.billingAddress, to: &json)
            json.field("created_at", milliseconds: registration.createdAt)
            json.field("updated_at", milliseconds: registration.updatedAt)
            json.field("company_name", registration.companyName)
            json.field("completed_at", milliseconds: registration.completedAt)
            json.field("discount_code", registration.discountCode)
            json.field("email", registration.email)
            json.field("expires_at", TitoFormats.railsTimestamp(milliseconds: registration.expiresAt))
            json.field("ip_address", registration.ipAddress)
            json.field("locale", registration.locale)
            json.key("metadata")
            JSONColumn.write(registration.metadata, to: &json)
            json.field("name", registration.name)
            json.field("payment_reference", registration.paymentReference)
            json.field("phone_number", registration.phoneNumber)
            json.field("registration_type", registration.registrationType)
            json.field("reference", registration.reference)
            json.field("source", registration.source)
            json.field("state", registration.state)
            json.field("test_mode", registration.testMode)
            json.field("total", cents: registration.total)
            json.field("consented_at", milliseconds: registration.consentedAt)
            json.field("paid", registration.paid)
            json.field("payment", nil as String?)
            json.field("refunded", registration.refunded)
            json.field("receipt_paid", registration.receiptPaid)
            json.field("total_less_tax", cents: registration.total)
            json.field("tickets_count", Int(registration.lineItems.reduce(0) { $0 + $1.quantity }))
            json.object("quantities") { json in
                for (releaseID, quantity) in quantities(registration) {
                    guard let release = releases[releaseID] else { continue }
                    json.key(escaping: release.slug)
                    json.object { json in
                        json.field("release", release.title)
                        json.field("quantity", quantity)
                    }
                }
            }
            json.field("receipts", array: { json in
                if !embedded { encodeReceipt(registration, to: &json) }
            })
            json.field("refunds", array: { json in
                guard !embedded else { return }
                for refund in refunds { encode(refund, registration: nil, to: &json) }
            })
            json.field("tickets", array: { json in
                guard !embedded else { return }
                for ticket in tickets {
                    encode(ticket, answers: answers[ticket.id] ?? [], registration: registration, view: .short, embedded: true, to: &json)
                }
            })
            json.field("line_items", array: { json in
                guard !embedded else { return }
                for item in registration.lineItems { encode(item, to: &json) }
            })
            if view.isExtended { json.field("view", "extended") }
        }
    }

    /// A registration as embedded in a ticket or a refund, written once for reuse.
    func embedded(_ registration: RegistrationRecord) -> [UInt8] {
        var json = JSONBuilder(capacity: 2048)
        encode(registration, tickets: [], refunds: [], view: .short, embedded: true, to: &json)
        return json.bytes
    }

    /// Units per release, in line-item order.
    private func quantities(_ registration: RegistrationRecord) -> [(Int64, Int64)] {
        var order: [Int64] = []
        var totals: [Int64: Int64] = [:]
        for item in registration.lineItems {
            if totals[item.releaseID] == nil { order.append(item.releaseID) }
            totals[item.releaseID, default: 0] += item.quantity
        }
        return order.map { ($0, totals[$0] ?? 0) }
    }

    private func encodeReceipt(_ registration: RegistrationRecord, to json: inout JSONBuilder) {
        json.object { json in
            json.field("_type", "receipt")
            json.field("id", registration.receiptID)
            json.field("number", registration.receiptNumber)
            json.field("total", cents: registration.total)
            json.field("tax", 0)
            json.field("total_less_tax", cents: registration.total)
            json.field("payment_provider", registration.paymentProvider)
            json.field("payment_reference", registration.paymentReference)
            json.field("paid", registration.receiptPaid)
        }
    }

    private func encode(_ item: RegistrationRecord.LineItem, to json: inout JSONBuilder) {
        let release = releases[item.releaseID]
        json.object { json in
            json.field("_type", "line_item")
            json.field("id", item.id)
            json.field("release_slug", release?.slug)
            json.field("release_id", item.releaseID)
            json.field("release_title", release?.title)
            json.field("release_price", cents: release?.price)
            json.object("release") { json in
                json.field("slug", release?.slug)
                json.field("title", release?.title)
                json.field("price", cents: release?.price)
                json.key("metadata")
                JSONColumn.write(release?.metadata, to: &json)
            }
            json.field("price", cents: item.price)
            json.field("title", release?.title)
            json.field("quantity", item.quantity)
            json.field("total", cents: item.price * item.quantity)
            json.field("currency", scope.event.currency)
        }
    }

    // MARK: Refunds

    /// A refund; at top level it embeds its registration.
    func encode(_ refund: RefundRecord, registration: RegistrationRecord?, view: View = .short, to json: inout JSONBuilder) {
        json.object { json in
            json.field("_type", "refund")
            json.field("id", refund.id)
            json.field("amount", cents: refund.amount)
            json.field("created_at", milliseconds: refund.createdAt)
            json.field("manual", refund.manual)
            json.key("registration")
            if let registration {
                encode(registration, tickets: [], refunds: [], view: .short, embedded: true, to: &json)
            } else {
                json.null()
            }
            if view.isExtended { json.field("view", "extended") }
        }
    }
}
