import Emulation

/// R4–R6: updating a registration and marking it paid or unpaid (spec §11.11). All three answer
/// with the documented form-object envelope rather than `{"registration": …}` (spec §15 A20).
enum RegistrationUpdates {
    static let billingAddressKeys = ["address", "city", "country", "state_province_region", "vat_number", "zip_postal_code"]

    /// R4: partial update of the registrant's details, billing address and total.
    static func update(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        let now = TitoFormats.milliseconds(request.now)
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let registration = try RegistrationEndpoints.find(request, scope, in: database)
            let input = try Attributes(request, wrapper: "registration")
            var errors = ValidationErrors()
            var values: [String: SQLiteValue] = [:]
            for key in ["company_name", "email", "name", "payment_reference", "phone_number", "source"] {
                switch input.string(key) {
                case .value(let text): values[key] = .text(text)
                case .null: values[key] = .null
                case .invalid: errors.add(key, ValidationErrors.invalid)
                case .absent: break
                }
            }
            if case .text(let email) = values["email"], !email.isBlank, !email.contains("@") {
                errors.add("email", ValidationErrors.invalid)
            }
            switch input.jsonObject("metadata") {
            case .value(let value): values["metadata"] = .text(JSONColumn.text(value))
            case .null: values["metadata"] = .null
            default: break
            }
            switch input.cents("total") {
            case .value(let cents) where cents < 0: errors.add("total", ValidationErrors.negative)
            case .value(let cents): values["total"] = .integer(cents)
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
                var address = JSONColumn.object(registration.billingAddress)
                if address.isEmpty {
                    address["_type"] = "billing_address"
                    address["id"] = .int(try database.ids.integer("tito.billing_addresses"))
                    for key in billingAddressKeys { address[key] = .null }
                }
                for key in billingAddressKeys {
                    if let field = given[key] { address[key] = field.stringValue.map(JSONValue.string) ?? .null }
                }
                values["billing_address"] = .text(JSONColumn.text(.object(address)))
            case .null, .absent: break
            case .invalid: errors.add("billing_address_attributes", ValidationErrors.invalid)
            }
            try errors.check()
            if !values.isEmpty {
                let columns = values.keys.sorted()
                try database.run(
                    "UPDATE tito_registrations SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")), updated_at = ? WHERE id = ?",
                    arguments: columns.map { values[$0]! } + [now, registration.id])
            }
            return try envelope(registration.id, billingAddressAttributes: billingEcho, in: database)
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
        let now = TitoFormats.milliseconds(request.now)
        return try request.write { database in
            let scope = try Scope.event(request, principal, resource: "registrations", in: database)
            let registration = try RegistrationEndpoints.find(request, scope, in: database)
            try database.run("UPDATE tito_registrations SET receipt_paid = ?, updated_at = ? WHERE id = ?", paid, now, registration.id)
            return try envelope(registration.id, billingAddressAttributes: JSONObject(), in: database)
        }
    }

    /// The form-object envelope of the docs: the registrant's fields after the change, the raw
    /// registration record, and the receipt flags.
    static func envelope(_ id: Int64, billingAddressAttributes: JSONObject, in database: Database) throws -> HTTPResponse {
        guard let registration = try RegistrationRecord.find(id: id, in: database) else { throw TitoError.notFound }
        let billingAddressID = JSONColumn.object(registration.billingAddress)["id"]?.intValue
        return .json { json in
            json.object { json in
                json.field("email", registration.email)
                json.key("metadata")
                JSONColumn.write(registration.metadata, to: &json)
                json.field("name", registration.name)
                json.field("payment_reference", registration.paymentReference)
                json.field("phone_number", registration.phoneNumber)
                json.field("source", registration.source)
                json.object("registration") { json in
                    json.field("event_id", registration.eventID)
                    json.field("id", registration.id)
                    json.field("name", registration.name)
                    json.field("email", registration.email)
                    json.field("slug", registration.slug)
                    json.field("created_at", milliseconds: registration.createdAt)
                    json.field("updated_at", milliseconds: registration.updatedAt)
                    json.field("discount_code", registration.discountCode)
                    json.field("user_id", nil as String?)
                    json.field("ip_address", registration.ipAddress)
                    json.field("payment_option_id", nil as String?)
                    json.field("expires_at", milliseconds: registration.expiresAt)
                    json.field("reference", registration.reference)
                    json.field("payment_reference", registration.paymentReference)
                    json.field("cached_total", cents: registration.total)
                    json.field("processing_job_id", nil as String?)
                    json.field("completed_at", milliseconds: registration.completedAt)
                    json.field("state", registration.state)
                    json.field("registration_type", registration.registrationType)
                    json.field("billing_address_id", billingAddressID)
                    json.field("company_name", registration.companyName)
                    json.field("source", registration.source)
                    json.field("receipt_paid", registration.receiptPaid)
                    json.field("payment_option_name", nil as String?)
                    json.field("locale", registration.locale)
                    json.field("phone_number", registration.phoneNumber)
                    json.key("metadata")
                    JSONColumn.write(registration.metadata, to: &json)
                    json.field("prefill_id", nil as String?)
                    json.field("test_mode", registration.testMode)
                    json.field("consented_at", milliseconds: registration.consentedAt)
                    json.field("data_security_consent_id", nil as String?)
                    json.field("data_security_terms_and_condition_id", nil as String?)
                }
                json.field("total", cents: registration.total)
                json.field("update_receipt", true)
                json.key("billing_address_attributes")
                json.value(.object(billingAddressAttributes))
                json.field("receipt_lines_attributes", array: { _ in })
            }
        }
    }
}
