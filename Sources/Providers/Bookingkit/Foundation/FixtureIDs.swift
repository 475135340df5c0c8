/// Ids of the seed (spec §8) the routes' examples use: each GET example answers 2xx for the
/// default demo client, `mock-vendor-sample` of Sample Vendor.
enum FixtureIDs {
    static let vendor = "3e3edd05ce4362e2d6a8200c37b1b79c"
    /// The docs' event sample (a pricelist of the Berlin Tour).
    static let event = "3e3edd05ce4362e2d6a8200c37b1b79c"
    /// An event with dates: the Harbour Boat Trip.
    static let datedEvent = "b589292a6b11eadff27b903f0f639065"
    static let date = "220e91cd528a624f37b23b877c8969fc"
    static let mergedDate = "1c94b3f41977a481fb426705a80c4125"
    static let product = "9533490743471667f519285f0967b0f6"
    /// An order of Sample Vendor with payments.
    static let order = "65098279518ee11cd3549c3afa68850c"
    static let ticket = "9d624dd77e87878a85a87ed2da399bad"
    static let participant = "0062610958b3ad57dfaa39a7dd7e4ab4"
    static let openDateTicket = "1ec7f162ef38ca1bbbb35cdf021f35a3"
    static let flexOffer = "ae5b33894f557c5cf1b38f3b4885a57f"
    static let category = "351"
    static let user = "c1aa3a67eb1f3aa2a8f712ba8bb6649d"
    static let coupon = "c1aa3a67eb1f3aa2a8f712ba8bb6649d"
    static let voucher = "v1aa3a67eb1f3aa2a8f712ba8bb6649e"
}
