/// Per release and mode, the ticket counts that release counters and the `sold_out` filter read
/// (spec §13.4), kept by triggers on every write to `tito_tickets`, so a read costs one
/// indexed lookup instead of a scan of the event's tickets (4,000 in the generated event).
///
/// The name sorts after `tito_tickets` on purpose: a per-provider reset refills tables in name
/// order, so the tickets' delete and insert triggers run first and the refill of this table
/// then writes the same seed values; the other order would count the seed twice.
enum ReleaseTicketCounts {
    static let schema = """
        CREATE TABLE IF NOT EXISTS tito_tickets_release_counts (
            event_id INTEGER NOT NULL,
            release_id INTEGER NOT NULL,
            test_mode INTEGER NOT NULL,
            tickets INTEGER NOT NULL,
            voided INTEGER NOT NULL,
            free INTEGER NOT NULL,
            discounted INTEGER NOT NULL,
            full_price INTEGER NOT NULL,
            gross INTEGER NOT NULL,
            PRIMARY KEY (event_id, release_id, test_mode)
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS tito_tickets_counted_on_insert AFTER INSERT ON tito_tickets BEGIN
            \(add("NEW"))
        END;
        CREATE TRIGGER IF NOT EXISTS tito_tickets_counted_on_delete AFTER DELETE ON tito_tickets BEGIN
            \(subtract("OLD"))
        END;
        CREATE TRIGGER IF NOT EXISTS tito_tickets_counted_on_update
        AFTER UPDATE OF event_id, release_id, test_mode, state, price, discount_code_used ON tito_tickets BEGIN
            \(subtract("OLD"))
            \(add("NEW"))
        END;
        """

    /// What one ticket row contributes to each count, in the table's column order.
    private static func contribution(_ row: String) -> [String] {
        [
            "\(row).state != 'void'",
            "\(row).state = 'void'",
            "\(row).state != 'void' AND \(row).price = 0",
            "\(row).state != 'void' AND \(row).price > 0 AND \(row).discount_code_used IS NOT NULL",
            "\(row).state != 'void' AND \(row).price > 0 AND \(row).discount_code_used IS NULL",
            "CASE WHEN \(row).state != 'void' THEN \(row).price ELSE 0 END",
        ]
    }

    private static let counts = ["tickets", "voided", "free", "discounted", "full_price", "gross"]

    private static func add(_ row: String) -> String {
        let values = contribution(row).map { "(\($0))" }.joined(separator: ", ")
        let sums = counts.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO tito_tickets_release_counts (event_id, release_id, test_mode, \(counts.joined(separator: ", ")))
            VALUES (\(row).event_id, \(row).release_id, \(row).test_mode, \(values))
            ON CONFLICT (event_id, release_id, test_mode) DO UPDATE SET \(sums);
            """
    }

    private static func subtract(_ row: String) -> String {
        let differences = zip(counts, contribution(row)).map { "\($0) = \($0) - (\($1))" }.joined(separator: ", ")
        return """
            UPDATE tito_tickets_release_counts SET \(differences)
            WHERE event_id = \(row).event_id AND release_id = \(row).release_id AND test_mode = \(row).test_mode;
            """
    }
}
