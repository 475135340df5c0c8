import Emulation

/// A record whose slug a client may choose, or leave to be made from its title (events and
/// releases, spec §10): a slug the client sends must have the resource's form and be unused.
protocol SluggedRecord {
    var slug: String { get set }
    var title: String { get }
    /// Whether another record in the same parent uses `slug` (or it is reserved).
    func isTaken(_ slug: String, in database: Database) throws -> Bool
    /// Whether `slug`, as a client sent it, has the form the resource accepts.
    static func isWellFormed(_ slug: String) -> Bool
}

extension SluggedRecord {
    /// A new record's slug: the one the client asked for once checked, or else one made from the
    /// title (`Identifiers.slugForNew`); a blank title leaves it, the title's error says why.
    mutating func assignNewSlug(requested: String?, errors: inout ValidationErrors, in database: Database) throws {
        let new = self
        if let slug = try Identifiers.slugForNew(
            requested: requested, title: title, check: { try new.check($0, errors: &errors, in: database) },
            isTaken: { try new.isTaken($0, in: database) }, in: database)
        {
            self.slug = slug
        }
    }

    /// An update's slug: it changes only when the client asks for another one, once checked.
    mutating func assignChangedSlug(requested: String?, errors: inout ValidationErrors, in database: Database) throws {
        guard let requested, requested != slug else { return }
        try check(requested, errors: &errors, in: database)
        slug = requested
    }

    /// Adds the slug's error when the client's `slug` is malformed or taken.
    func check(_ slug: String, errors: inout ValidationErrors, in database: Database) throws {
        guard Self.isWellFormed(slug) else {
            errors.add("slug", ValidationErrors.invalid)
            return
        }
        if try isTaken(slug, in: database) { errors.add("slug", ValidationErrors.taken) }
    }
}

extension Attributes {
    /// The slug the client asks for, trimmed; nil when none is sent, and when the one sent is
    /// null or not text, whose error is added.
    func requestedSlug(errors: inout ValidationErrors) -> String? {
        switch string("slug") {
        case .value(let text): return text.trimmingWhitespace()
        case .null, .invalid:
            errors.add("slug", ValidationErrors.invalid)
            return nil
        case .absent: return nil
        }
    }
}
