import Emulation

/// An OAuth client of the API (spec §8.1), as `clients.json` writes it: credentials, kind
/// (`vendor` or `marketplace`), the scopes it may be granted, and a subject naming the vendors
/// it acts for, the name and id it signs orders with and its commission; `access_token` is the
/// ready token `/_understudy/credentials` lists for it.
struct ClientRecord: StoredRecord {
    var clientID = ""
    var clientSecret = ""
    var kind = BookingkitClient.Kind.vendor
    var scopes: [String] = []
    var subject: JSONValue = [:]
    var purpose = ""
    var accessToken = ""

    static let table = RecordTable("bookingkit_clients", of: ClientRecord.self, primaryKey: ["client_id"])

    /// The client as a request with a token granting `scopes` sees it.
    func principal(scopes granted: [String]) -> BookingkitClient {
        BookingkitClient(
            clientID: clientID, kind: kind,
            vendorIDs: (subject["vendor_ids"]?.stringValue ?? "").split(separator: ",").map { $0.trimmingWhitespace() },
            scopes: Set(granted), displayName: subject["display_name"]?.stringValue ?? clientID,
            publicID: subject["public_id"]?.stringValue ?? "",
            commission: kind == .vendor ? 0 : Int64(subject["commission"]?.stringValue ?? "") ?? 0)
    }
}
