import Emulation

extension Attendee {
    static let eventExpansion = ExpansionReference("event", from: "event_id") { Event.presenter }
    static let orderExpansion = ExpansionReference("order", from: "order_id") { Order.presenter }

    /// The attendee as every endpoint writes it (§9.13, the captured key order), expansions last.
    static let presenter: Presenter = Presenter(
        type: "attendee",
        view: RecordView(table, [
            .derived("team") { row, _, json in
                guard let teamID = row.optionalInteger("team_id"), let name = row.optionalString("team_name") else { return json.null() }
                json.object { json in
                    json.field("id", String(teamID))
                    json.field("name", name)
                    json.key("date_joined")
                    row.write("team_joined", format: EventbriteFormats.utc, to: &json)
                    json.field("event_id", String(row.integer("event_id")))
                }
            },
            .derived("costs") { row, _, json in
                let currency = row.string("currency")
                let base = row.integer("base_price"), fee = row.integer("eventbrite_fee")
                let payment = row.integer("payment_fee"), tax = row.integer("tax")
                json.object { json in
                    json.field("base_price", Money(currency: currency, value: base))
                    json.field("eventbrite_fee", Money(currency: currency, value: fee))
                    json.field("gross", Money(currency: currency, value: base + fee + payment + tax))
                    json.field("payment_fee", Money(currency: currency, value: payment))
                    json.field("tax", Money(currency: currency, value: tax))
                }
            },
            .derived("resource_uri") { row, context, json in
                json.string(
                    concatenating: context.settings.resourceURIBase, "events/", String(row.integer("event_id")), "/attendees/",
                    String(row.integer("id")), "/")
            },
            .id("id"),
            .column("changed", format: EventbriteFormats.utc),
            .column("created", format: EventbriteFormats.utc),
            .constant("quantity", 1),
            .column("variant_id"),
            .derived("profile") { row, _, json in writeProfile(row, to: &json) },
            .derived("barcodes") { row, _, json in
                let barcode = row.string("barcode")
                json.array { json in
                    json.object { json in
                        json.field("status", row.string("barcode_status"))
                        json.field("barcode", barcode)
                        json.key("created")
                        row.write("created", format: EventbriteFormats.utc, to: &json)
                        json.key("changed")
                        row.write("changed", format: EventbriteFormats.utc, to: &json)
                        json.field("checkin_type", row.integer("checkin_type"))
                        json.field("is_printed", row.bool("is_printed"))
                        json.field("qr_code_url", "https://www.eventbriteapi.com/qrcode/\(barcode)/?sig=\(signature(of: barcode))")
                    }
                }
            },
            .derived("answers") { row, _, json in writeAnswers(row, to: &json) },
            .column("checked_in"),
            .column("cancelled"),
            .column("refunded"),
            .column("affiliate"),
            .column("guestlist_id"),
            .column("invited_by"),
            .column("status"),
            .column("ticket_class_name"),
            .column("delivery_method"),
            .id("event_id"),
            .id("order_id"),
            .id("ticket_class_id"),
            .expansion(eventExpansion),
            .expansion(orderExpansion),
            .expansion("promotional_code") { row, _, json in
                guard let code = row.optionalString("order_promo_code") else { return json.null() }
                json.object { json in
                    json.field("code", code)
                    json.field("promotion_type", row.optionalString("order_discount_type") == "access" ? "access" : "discount")
                }
            },
            // Bib numbers belong to endurance events, which the mock does not number.
            .expansion("assigned_number") { _, _, json in json.null() },
            .expansion("survey") { row, context, json in
                try SurveyQuestion.writeSurvey(
                    ofAttendeeWith: row.integer("ticket_class_id"), eventID: row.integer("event_id"), context, to: &json)
            },
            .expansion("survey_responses") { row, _, json in
                json.object { json in
                    for answer in decodedAnswers(row) {
                        json.key(escaping: answer.questionID)
                        json.string(answer.answer)
                    }
                }
            },
            // Seats are not assigned to attendees in the mock, so no attendee has a unit.
            .expansion("assigned_unit") { _, _, json in json.null() },
            .expansion("contact_list_preferences") { _, _, json in
                json.value(["_type": "attendee_contact_list_preferences", "has_contact_list": false, "has_opted_in": false])
            },
        ]),
        alias: "a",
        // Subqueries rather than joins: a page's count and the rows its offset skips then read
        // the attendees' index alone.
        extraColumns: [
            "(SELECT tm.name FROM eventbrite_teams tm WHERE tm.id = a.team_id) AS team_name",
            "(SELECT o.promo_code FROM eventbrite_orders o WHERE o.id = a.order_id) AS order_promo_code",
            "(SELECT o.discount_type FROM eventbrite_orders o WHERE o.id = a.order_id) AS order_discount_type",
        ],
        references: [eventExpansion, orderExpansion])

    /// The profile (§9.13): names and email always, the optional fields only when set, and the
    /// addresses (`{}` when there are none, as real payloads show).
    private static func writeProfile(_ row: ViewRow, to json: inout JSONBuilder) {
        json.object { json in
            json.field("first_name", row.string("first_name"))
            json.field("last_name", row.string("last_name"))
            json.field("email", row.string("email"))
            json.field("name", row.string("name"))
            for column in ["prefix", "suffix", "age", "job_title", "company", "website", "blog", "gender", "birth_date", "cell_phone", "work_phone"]
            where !row.isNull(column) {
                json.key(escaping: column)
                row.write(column, to: &json)
            }
            // Unset addresses are left out (`{}` when there are none), as real payloads show.
            json.key("addresses")
            let addresses = (try? JSONParser.parse(row.string("addresses")))?.objectValue ?? JSONObject()
            json.value(.object(JSONObject(addresses.members.filter { $0.value != .null })))
        }
    }

    private static func decodedAnswers(_ row: ViewRow) -> [Answer] {
        guard let value = try? JSONParser.parse(row.string("answers")) else { return [] }
        return (try? JSONValueDecoder.decode([Answer].self, from: value)) ?? []
    }

    /// `answers` (§9.13): each with the attendee's id.
    private static func writeAnswers(_ row: ViewRow, to json: inout JSONBuilder) {
        let attendeeID = String(row.integer("id"))
        json.array { json in
            for answer in decodedAnswers(row) { answer.write(attendeeID: attendeeID, to: &json) }
        }
    }

    /// The answers of every attendee `condition` selects, for an order's `answers` expansion.
    static func writeAnswers(where condition: String, _ argument: Int64, in database: Database, to json: inout JSONBuilder) throws {
        let attendees = try database.fetchAll(Attendee.self, where: condition, orderBy: "id", argument)
        json.array { json in
            for attendee in attendees {
                for answer in attendee.answers { answer.write(attendeeID: String(attendee.id), to: &json) }
            }
        }
    }

    /// `{question_id: answer}` over every attendee `condition` selects (an order's `survey_responses`).
    static func writeSurveyResponses(
        where condition: String, _ argument: Int64, in database: Database, to json: inout JSONBuilder
    ) throws {
        let attendees = try database.fetchAll(Attendee.self, where: condition, orderBy: "id", argument)
        json.object { json in
            var seen = Set<String>()
            for answer in attendees.flatMap(\.answers) where seen.insert(answer.questionID).inserted {
                json.key(escaping: answer.questionID)
                json.string(answer.answer)
            }
        }
    }

    /// The opaque `sig` of a QR code URL: a digest of the barcode, the same every time.
    static func signature(of barcode: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in barcode.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return IDGenerator.hex(hash, width: 16)
    }
}

extension Attendee.Answer {
    func write(attendeeID: String, to json: inout JSONBuilder) {
        json.object { json in
            json.field("question_id", questionID)
            json.field("attendee_id", attendeeID)
            json.field("question", question)
            json.field("type", type)
            json.field("answer", answer)
        }
    }
}
