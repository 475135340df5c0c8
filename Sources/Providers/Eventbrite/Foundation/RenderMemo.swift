/// Figures one response works out once and several view members read (an event's inventory,
/// read by each ticket class's `quantity_total`, `quantity_sold` and `on_sale_status`). It lives
/// as long as the render context of one request, so nothing is kept between requests and the
/// figures always reflect what the request itself just wrote.
final class RenderMemo {
    private var values: [String: Any] = [:]

    /// The value under `key`, made by `make` the first time it is asked for.
    func value<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        // `as? T` of an absent entry would succeed when `T` is optional, so look the key up first.
        if let stored = values[key], let value = stored as? T { return value }
        let value = try make()
        values[key] = value
        return value
    }

    /// Sets what a handler works out before rendering (the discount a `code` applies).
    func set(_ key: String, _ value: Any) { values[key] = value }

    func value<T>(_ key: String, as type: T.Type) -> T? {
        guard let stored = values[key] else { return nil }
        return stored as? T
    }
}
