import Emulation

/// Per release and mode, the ticket counts that release counters, the `sold_out` filter and the
/// tickets list's totals read (spec §13.4), kept by the kit's `RowCounts` triggers on every
/// write to `tito_tickets`: a read is a lookup of a few rows instead of a scan of the event's
/// tickets (4,000 in the generated event).
enum TicketCounts {
    static let byRelease = RowCounts(
        "tito_tickets", suffix: "release_counts", groupedBy: ["event_id", "release_id", "test_mode"],
        counts: [
            .init("tickets") { "\($0).state != 'void'" },
            .init("voided") { "\($0).state = 'void'" },
            .init("free") { "\($0).state != 'void' AND \($0).price = 0" },
            .init("discounted") { "\($0).state != 'void' AND \($0).price > 0 AND \($0).discount_code_used IS NOT NULL" },
            .init("full_price") { "\($0).state != 'void' AND \($0).price > 0 AND \($0).discount_code_used IS NULL" },
            .init("gross") { "CASE WHEN \($0).state != 'void' THEN \($0).price ELSE 0 END" },
        ])
}
