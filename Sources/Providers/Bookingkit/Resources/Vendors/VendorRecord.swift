import Emulation

/// A vendor (spec §6.2): a bookingkit customer offering events. `extended_availability_management`
/// (whether date updates are allowed, §5.3 E21) and `updated_at` are never rendered.
struct VendorRecord: StoredRecord {
    var id = ""
    var name = ""
    var serviceEmail = ""
    var servicePhone = ""
    var terms = ""
    var billCountry = ""
    var countryOfResidence = ""
    var activationDate = DateTime(seconds: 0)
    var currency = "EUR"
    var legalCompanyName = ""
    var legalRepresentativeFirstName = ""
    var legalRepresentativeLastName = ""
    var extendedAvailabilityManagement = false
    var updatedAt = DateTime(seconds: 0)

    static let table = RecordTable(
        "bookingkit_vendors", of: VendorRecord.self, indexes: ["updated_at"])

    /// The 12 documented properties in the seed's order (§6.2).
    static let view = RecordView<Void>(table, [
        .column("id"), .column("name"), .column("service_email"), .column("service_phone"), .column("terms"),
        .column("bill_country"), .column("country_of_residence"), .column("activation_date", format: .dateTime),
        .column("currency"), .column("legal_company_name"), .column("legal_representative_first_name"),
        .column("legal_representative_last_name"),
    ])
}
