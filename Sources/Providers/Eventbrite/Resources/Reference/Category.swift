import Emulation

/// An event category (spec §9.19). `listed` is false for the docs' placeholder ids
/// (`/categories/1234/`), which resolve by id but stay out of lists (ambiguity A16).
struct Category: StoredRecord {
    var id: Int64 = 0
    var name = ""
    var shortName = ""
    /// The captured list order (103 Music first), not the id order.
    var sortOrder: Int64 = 0
    var listed = true

    static let table = RecordTable("eventbrite_categories", of: Category.self, indexes: ["listed, sort_order"])

    static let baseMembers = namedReferenceMembers(path: "categories/")

    /// As list items show it: without `subcategories`.
    static let listPresenter = Presenter(type: "category", view: RecordView(table, baseMembers), alias: "c")

    /// As `GET /categories/{id}/` and expansions show it: with its subcategories.
    static let presenter = Presenter(
        type: "category",
        view: RecordView(table, baseMembers + [
            .derived("subcategories") { row, context, json in
                try json.array { json in
                    try Subcategory.presenter.writeAll(
                        where: "s.category_id = ? AND s.listed", [row.integer("id")], orderBy: "s.id",
                        context: context.scoped(to: "subcategory"), to: &json)
                }
            }
        ]),
        alias: "c")
}

/// A subcategory (spec §9.19), always with its `parent_category` (without subcategories).
struct Subcategory: StoredRecord {
    var id: Int64 = 0
    var categoryID: Int64 = 0
    var name = ""
    var listed = true

    static let table = RecordTable(
        "eventbrite_subcategories", of: Subcategory.self, constraints: [.references("category_id", "eventbrite_categories")],
        indexes: ["category_id, id"])

    static let presenter = Presenter(
        type: "subcategory",
        view: RecordView(table, [
            .derived("resource_uri") { row, context, json in
                context.writeResourceURI("subcategories/", id: row.integer("id"), to: &json)
            },
            .id("id"),
            .column("name"),
            .derived("parent_category") { row, context, json in
                try Category.listPresenter.writeOneOrNull(id: row.integer("category_id"), context: context, to: &json)
            },
        ]),
        alias: "s")
}

/// An event format (spec §9.20).
struct Format: StoredRecord {
    var id: Int64 = 0
    var name = ""
    var shortName = ""

    static let table = RecordTable("eventbrite_formats", of: Format.self)

    static let presenter = Presenter(
        type: "format",
        view: RecordView(table, namedReferenceMembers(path: "formats/")),
        alias: "f")
}

/// What categories and formats both show: `resource_uri` under `path`, `id`, and the names;
/// `localized` names are the English ones (the mock speaks en_US).
private func namedReferenceMembers(path: String) -> [RecordView<RenderContext>.Member] {
    [
        .derived("resource_uri") { row, context, json in context.writeResourceURI(path, id: row.integer("id"), to: &json) },
        .id("id"),
        .column("name"),
        .column("name", as: "name_localized"),
        .column("short_name"),
        .column("short_name", as: "short_name_localized"),
    ]
}
