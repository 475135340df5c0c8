import Emulation

/// Refunds: the table, the seed and F1–F2 (R7 creates them).
enum Refunds: TitoResourceGroup {
    static let tables = [GroupTable(Refund.self, nextID: 123_457)]


    static var routes: [Route<TitoPrincipal>] { RefundEndpoints.routes }
}
