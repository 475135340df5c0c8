import Emulation

/// The `translations` object of a record that keeps none of its own: `{"en": {…}}`, its
/// translatable attributes in English, which are the record's own columns.
enum EnglishTranslations {
    /// Writes `{"en": {"<column>": <value>, …}}` from `row`, in the order of `columns`.
    static func write(_ row: ViewRow, columns: [StaticString], to json: inout JSONBuilder) {
        json.object { json in
            json.object("en") { json in
                for column in columns {
                    json.key(column)
                    row.write(column.description, to: &json)
                }
            }
        }
    }
}
