import Emulation

/// Reports (spec §8.21, §9.29): sales and attendee totals of the caller's events, computed from
/// their sold tickets (placed, non-refunded orders), one bucket per `date_facet` period that has
/// sales, split into `topics` when `group_by` asks. Not paginated.
enum Reports: EventbriteResourceGroup {
    static func routes(_ routes: EventbriteRoutes) -> [Route<Caller>] {
        [
            routes.get("/reports/sales/", example: "/reports/sales/?event_ids=12345") { request in
                try respond(request) { sales, json in
                    Totals(sales: sales).writeSales(currency: sales.first?.currency ?? "USD", to: &json)
                }
            },
            routes.get("/reports/attendees/", example: "/reports/attendees/?event_ids=12345") { request in
                try respond(request) { sales, json in Totals(sales: sales).writeAttendees(to: &json) }
            },
        ]
    }

    /// What a group of sales adds up to.
    struct Totals {
        var gross: Int64 = 0
        var fees: Int64 = 0
        var tax: Int64 = 0
        var quantity = 0
        var orders = Set<Int64>()

        init(sales: [ReportQuery.Sale]) {
            for sale in sales {
                gross += sale.base + sale.fees + sale.tax
                fees += sale.fees
                tax += sale.tax
                quantity += 1
                orders.insert(sale.orderID)
            }
        }

        /// `{currency, gross, net, quantity, fees, royalty}`, amounts in major units as numbers.
        func writeSales(currency: String, to json: inout JSONBuilder) {
            json.object { json in
                json.field("currency", currency)
                json.key("gross")
                ReportAmount.write(gross, currency: currency, to: &json)
                json.key("net")
                ReportAmount.write(gross - fees - tax, currency: currency, to: &json)
                json.field("quantity", quantity)
                json.key("fees")
                ReportAmount.write(fees, currency: currency, to: &json)
                // Royalties are not modelled.
                json.key("royalty")
                ReportAmount.write(0, currency: currency, to: &json)
            }
        }

        func writeAttendees(to json: inout JSONBuilder) {
            json.object { json in
                json.field("num_attendees", quantity)
                json.field("num_orders", orders.count)
            }
        }
    }

    private static func respond(
        _ request: EventbriteRequest, totals: @escaping ([ReportQuery.Sale], inout JSONBuilder) -> Void
    ) throws -> HTTPResponse {
        try request.read { database in
            let query = try ReportQuery(request, in: database)
            let sales = try query.sales(in: database)
            let buckets = ReportBuckets(timezone: query.timezone, facet: query.facet)
            let starts = Dictionary(uniqueKeysWithValues: query.events.map { ($0.id, $0.startUTC.value) })
            var byBucket: [Int64: [ReportQuery.Sale]] = [:]
            var current: (span: Range<Int64>, bucket: Int64)?
            let single = sales.first.map { buckets.bucketOfDay($0.created) } ?? 0
            for sale in sales {
                let key: Int64
                switch query.facet {
                case "none": key = single
                case "event_day": key = buckets.bucket(of: sale.created, eventStart: starts[sale.eventID] ?? sale.created)
                default:
                    // Sales come oldest first: one calendar question per bucket, not per sale.
                    if let current, current.span.contains(sale.created) {
                        key = current.bucket
                    } else {
                        key = buckets.bucket(of: sale.created, eventStart: sale.created)
                        current = (buckets.span(of: sale.created), key)
                    }
                }
                byBucket[key, default: []].append(sale)
            }
            let topics = try Topics(query: query, in: database)
            return EventbriteResponse.json { json in
                json.object { json in
                    json.field("timezone", query.timezone)
                    json.field("event_ids", elements: query.events.map { JSONValue.string(String($0.id)) })
                    json.field("data", array: { json in
                        for key in byBucket.keys.sorted() {
                            let group = byBucket[key]!
                            json.object { json in
                                json.field("date", EventbriteFormats.utcText(key))
                                json.field("date_localized", EventbriteFormats.localText(key, timezone: query.timezone))
                                json.key("totals")
                                totals(group, &json)
                                if query.groupBy != nil {
                                    json.field("topics", array: { json in
                                        for (topic, members) in topics.split(group) {
                                            json.object { json in
                                                json.field("topic", topic)
                                                json.key("totals")
                                                totals(members, &json)
                                            }
                                        }
                                    })
                                }
                            }
                        }
                    })
                }
            }
        }
    }
}

extension ReportBuckets {
    /// The start of the day `seconds` falls on (the one bucket of `date_facet=none` is named after
    /// the day of the first sale).
    func bucketOfDay(_ seconds: Int64) -> Int64 {
        ReportBuckets(timezone: timezone, facet: "day").bucket(of: seconds, eventStart: seconds)
    }
}

/// The `group_by` value of each sale. Dimensions the mock does not record (devices, zones,
/// access levels, reserved sections, the deeper sales channels) put every sale under "Unknown".
struct Topics {
    let dimension: String?
    let events: [Int64: Event]
    let venues: [Int64: Venue]

    init(query: ReportQuery, in database: Database) throws {
        dimension = query.groupBy
        events = Dictionary(uniqueKeysWithValues: query.events.map { ($0.id, $0) })
        var venues: [Int64: Venue] = [:]
        for event in query.events {
            if let id = event.venueID, let venue = try Venues.find(id, in: database) { venues[id] = venue }
        }
        self.venues = venues
    }

    func topic(of sale: ReportQuery.Sale) -> String {
        let event = events[sale.eventID]
        let venue = event?.venueID.flatMap { venues[$0] }
        switch dimension {
        case "ticket", "ticket_application": return sale.ticketName
        case "currency", "event_currency": return sale.currency
        case "event", "event_application": return String(sale.eventID)
        case "event_ticket": return "\(sale.eventID) - \(sale.ticketName)"
        case "delivery_method": return sale.deliveryMethod
        case "payment_method": return sale.base + sale.fees + sale.tax > 0 ? "eventbrite" : "free"
        case "country": return venue?.country ?? "Unknown"
        case "city": return venue?.city ?? "Unknown"
        case "state": return venue?.region ?? "Unknown"
        case "location": return venue?.name ?? (event?.onlineEvent == true ? "Online" : "Unknown")
        case "source": return event?.source ?? "Unknown"
        case "sales_channel_lvl_1": return "online"
        default: return "Unknown"
        }
    }

    /// The sales by topic, topics in order.
    func split(_ sales: [ReportQuery.Sale]) -> [(String, [ReportQuery.Sale])] {
        Dictionary(grouping: sales, by: topic).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Report amounts: major units as JSON numbers, written as the live service (Python) writes
/// floats, with at least one decimal (`49.87`, `45.0`).
enum ReportAmount {
    static func write(_ minor: Int64, currency: String, to json: inout JSONBuilder) {
        var text = Currency.majorValue(minor, currency: currency)
        if !text.contains(".") { text += ".0" }
        while text.hasSuffix("0") && !text.hasSuffix(".0") { text.removeLast() }
        json.encodedValue(Array(text.utf8))
    }
}
