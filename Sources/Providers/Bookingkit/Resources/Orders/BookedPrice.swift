import Emulation

/// The price a participant is booked at (spec §5.5 "Price resolution"): usually one of the
/// event's prices, possibly with a custom value, or a custom price of its own (`id` 0).
struct BookedPrice {
    var id: Int64
    var value: Amount
    var title: String
    var vat: Amount
    var entryUnits: JSONValue
    var seats: Int64

    /// A price the catalogue does not have: one adult seat, no VAT.
    static func custom(_ value: Amount, title: String) -> BookedPrice {
        BookedPrice(id: 0, value: value, title: title, vat: .zero, entryUnits: [["type": "ADULT"]], seats: 1)
    }
}

// Out of the struct's body, so that the memberwise initializer stays.
extension BookedPrice {
    init(_ price: PriceRecord) {
        self.init(
            id: price.id, value: price.value, title: price.title, vat: price.vat, entryUnits: price.entryUnits, seats: price.seats)
    }
}

extension ParticipantRecord {
    /// Books the participant at `price`: its id, value, title, VAT, entry units and seats.
    mutating func book(at price: BookedPrice) {
        priceID = price.id
        priceValue = price.value
        priceTitle = price.title
        vat = price.vat
        entryUnits = price.entryUnits
        seats = price.seats
    }
}
