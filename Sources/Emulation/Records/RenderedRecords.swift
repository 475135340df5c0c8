/// Records rendered once for a response and written wherever a row names them: the registration
/// each of a page's tickets embeds, the tickets each registration lists, the releases an
/// activity names by id. Each key holds the JSON of one or more objects, comma-separated in the
/// order they were added, ready to be copied into an object member or an array.
public struct RenderedRecords: Sendable {
    private var objects: [Int64: [UInt8]] = [:]

    public init() {}

    public var isEmpty: Bool { objects.isEmpty }

    /// The objects filed under `key`, comma-separated; nil when there are none.
    public func objects(for key: Int64) -> [UInt8]? { objects[key] }

    /// Files one object (its JSON) under `key`, after any filed there before.
    public mutating func append(_ object: [UInt8], for key: Int64) {
        if var run = objects.removeValue(forKey: key) {
            run.append(UInt8(ascii: ","))
            run.append(contentsOf: object)
            objects[key] = run
        } else {
            objects[key] = object
        }
    }
}

extension Database {
    /// Renders every row of a query with `view` (its columns start as `view.selectList` says)
    /// and files each object under the row's integer column `key`, in the order the rows come.
    public func render<Context>(
        _ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context, keyedBy key: String,
        into records: inout RenderedRecords
    ) throws {
        var keyPosition: Int?
        try forEachRow(sql, arguments: arguments) { cursor in
            if keyPosition == nil { keyPosition = view.position(of: key) ?? cursor.index(of: key) }
            guard let position = keyPosition else {
                throw RecordDecodingError(description: "the query for \(view.table.name) selects no column \(key)")
            }
            var json = JSONBuilder(capacity: 1024)
            try view.write(cursor, context, to: &json)
            records.append(json.bytes, for: cursor.integer(at: position))
        }
    }

    public func render<Context>(
        _ view: RecordView<Context>, _ sql: String, arguments: [any SQLiteBindable], context: Context, keyedBy key: String
    ) throws -> RenderedRecords {
        var records = RenderedRecords()
        try render(view, sql, arguments: arguments, context: context, keyedBy: key, into: &records)
        return records
    }
}

/// The integers of a JSON array of integers as the server stores id lists (`[1,2,3]`), read
/// from its bytes without building a `JSONValue`. Anything but digits, a sign, commas,
/// brackets and blanks ends the list.
public enum IntegerList {
    /// `values` as such a list, `[1,2,3]`: the argument of `json_each(?)` for a page's ids.
    public static func text(_ values: [Int64]) -> String {
        var json = JSONBuilder(capacity: 2 + 12 * values.count)
        json.array { json in
            for value in values { json.int(value) }
        }
        return String(decoding: json.bytes, as: UTF8.self)
    }

    public static func values(in text: UnsafeBufferPointer<UInt8>) -> [Int64] {
        var values: [Int64] = []
        forEachValue(in: text) { values.append($0) }
        return values
    }

    /// Hands `body` each value of the list `text` in order, collecting none: for members a page
    /// writes for every row (a registration's quantities), where an array per row would cost more
    /// than the reading.
    public static func forEachValue(in text: UnsafeBufferPointer<UInt8>, _ body: (Int64) -> Void) {
        var current: Int64 = 0
        var negative = false
        var inNumber = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (shifted, overflow) = current.multipliedReportingOverflow(by: 10)
                if overflow { return }
                current = shifted + Int64(byte - UInt8(ascii: "0"))
                inNumber = true
            case UInt8(ascii: "-") where !inNumber:
                negative = true
            case UInt8(ascii: ","), UInt8(ascii: "]"):
                if inNumber { body(negative ? -current : current) }
                current = 0
                negative = false
                inNumber = false
            case UInt8(ascii: "["), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            default:
                return
            }
        }
    }
}
