/// The e-mail check behind `is invalid` (spec §11.7, §11.14): something on both sides of one `@`,
/// no spaces. Tito's own rule is unpublished; this is as lenient as a Rails format check usually is.
enum EmailAddress {
    static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
    }
}
