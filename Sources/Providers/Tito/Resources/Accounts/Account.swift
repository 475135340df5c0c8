import Emulation

/// An account (spec §12.1): owns events; tokens are granted accounts by slug.
struct Account: TitoRecord {
    var id: Int64 = 0
    var slug = ""
    var name = ""
    var description: String?

    static let table = RecordTable("tito_accounts", of: Account.self, constraints: [.unique(["slug"])])

    static let view = RecordView<Void>(table, [.constant("_type", "account")] + RecordView.columns(of: table))
}
