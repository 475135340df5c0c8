import Emulation

/// R4–R6: updating a registration and marking it paid or unpaid (spec §11.11). All three answer
/// with the documented form-object envelope rather than `{"registration": …}` (spec §15 A20).
enum RegistrationUpdates {
    static let billingAddressKeys = ["address", "city", "country", "state_province_region", "vat_number", "zip_postal_code"]

    /// R4: partial update of the registrant's details, billing address and total.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Registration.write(request, principal) { database, scope, found in
            var registration = found
            let input = try Attributes(request, wrapper: "registration")
            var errors = ValidationErrors()
            var changed = false
            let texts: [(String, WritableKeyPath<Registration, String?>)] = [
                ("company_name", \.companyName), ("email", \.email), ("name", \.name), ("payment_reference", \.paymentReference),
                ("phone_number", \.phoneNumber), ("source", \.source),
            ]
            for (key, path) in texts {
                switch input.string(key) {
                case .value(let text): registration[keyPath: path] = text
                case .null: registration[keyPath: path] = nil
                case .invalid: errors.add(key, ValidationErrors.invalid)
                case .absent: continue
                }
                changed = true
            }
            if input.has("email"), let email = registration.email, !email.isBlank, !email.contains("@") {
                errors.add("email", ValidationErrors.invalid)
            }
            switch input.jsonObject("metadata") {
            case .value(let value): (registration.metadata, changed) = (value, true)
            case .null: (registration.metadata, changed) = (nil, true)
            default: break
            }
            switch input.cents("total") {
            case .value(let cents) where cents < 0: errors.add("total", ValidationErrors.negative)
            case .value(let cents): (registration.total, changed) = (cents, true)
            case .null, .invalid: errors.add("total", ValidationErrors.notANumber)
            case .absent: break
            }
            var billingEcho = JSONObject()
            switch input.jsonObject("billing_address_attributes") {
            case .value(let value):
                guard let given = value.objectValue else {
                    errors.add("billing_address_attributes", ValidationErrors.invalid)
                    break
                }
                billingEcho = given
                var address = registration.billingAddress?.objectValue ?? JSONObject()
                if address.isEmpty {
                    address["_type"] = "billing_address"
                    address["id"] = .int(try database.ids.integer("tito.billing_addresses"))
                    for key in billingAddressKeys { address[key] = .null }
                }
                for key in billingAddressKeys {
                    if let field = given[key] { address[key] = field.stringValue.map(JSONValue.string) ?? .null }
                }
                (registration.billingAddress, changed) = (.object(address), true)
            case .null, .absent: break
            case .invalid: errors.add("billing_address_attributes", ValidationErrors.invalid)
            }
            try errors.check()
            if changed {
                registration.updatedAt = request.nowMilliseconds
                try database.update(registration)
            }
            return try envelope(registration.id, billingAddressAttributes: billingEcho, principal, in: database)
        }
    }

    /// R5: the registration is paid (pay-by-invoice confirmation).
    static func markPaid(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try setPaid(true, request, principal)
    }

    /// R6: the registration is unpaid again.
    static func markUnpaid(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try setPaid(false, request, principal)
    }

    private static func setPaid(_ paid: Bool, _ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Registration.write(request, principal) { database, scope, found in
            var registration = found
            registration.receiptPaid = paid
            registration.updatedAt = request.nowMilliseconds
            try database.update(registration)
            return try envelope(registration.id, billingAddressAttributes: JSONObject(), principal, in: database)
        }
    }

    /// What the envelope reads besides the registration: how money is written and the billing
    /// address attributes the request sent, echoed.
    struct EnvelopeContext: Sendable {
        let money: ColumnFormat
        let billingAddressAttributes: JSONObject
    }

    /// The raw registration record, as the envelope's `registration` shows it.
    static let record = RecordView<EnvelopeContext>(Registration.table, [
        .column("event_id"), .column("id"), .column("name"), .column("email"), .column("slug"),
        .column("created_at", format: TitoFormats.time), .column("updated_at", format: TitoFormats.time),
        .column("discount_code"), .constant("user_id", nil), .column("ip_address"), .constant("payment_option_id", nil),
        .column("expires_at", format: TitoFormats.time), .column("reference"), .column("payment_reference"),
        .column("total", as: "cached_total", format: TitoFormats.moneyString), .constant("processing_job_id", nil),
        .column("completed_at", format: TitoFormats.time), .column("state"), .column("registration_type"),
        .derived("billing_address_id") { row, _, json in
            let address = row.withUTF8("billing_address") { (try? JSONParser.parse(Array($0))) ?? .null }
            if let id = address["id"]?.intValue { json.int(id) } else { json.null() }
        },
        .column("company_name"), .column("source"), .column("receipt_paid"), .constant("payment_option_name", nil),
        .column("locale"), .column("phone_number"), .column("metadata"), .constant("prefill_id", nil), .column("test_mode"),
        .column("consented_at", format: TitoFormats.time), .constant("data_security_consent_id", nil),
        .constant("data_security_terms_and_condition_id", nil),
    ])

    /// The form-object envelope of the docs: the registrant's fields after the change, the raw
    /// registration record, and the receipt flags.
    static let envelopeView = RecordView<EnvelopeContext>(Registration.table, [
        .column("email"), .column("metadata"), .column("name"), .column("payment_reference"), .column("phone_number"),
        .column("source"),
        .derived("registration") { row, context, json in try record.write(row.cursor, context, to: &json) },
        .column("total", formattedBy: { $0.money }), .constant("update_receipt", true),
        .derived("billing_address_attributes") { _, context, json in json.value(.object(context.billingAddressAttributes)) },
        .constant("receipt_lines_attributes", []),
    ])

    static func envelope(
        _ id: Int64, billingAddressAttributes: JSONObject, _ principal: TitoPrincipal, in database: Database
    ) throws -> HTTPResponse {
        let context = EnvelopeContext(money: principal.moneyFormat, billingAddressAttributes: billingAddressAttributes)
        var json = JSONBuilder(capacity: 2048)
        let found = try database.write(
            envelopeView, "SELECT \(Registration.table.selectList()) FROM tito_registrations WHERE id = ?", arguments: [id],
            context: context, to: &json)
        guard found == 1 else { throw TitoError.notFound }
        return ResourceResponse.body(json.bytes)
    }
}
