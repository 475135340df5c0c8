extension Array where Element == IssuedToken {
    /// These tokens (a provider's seeded ones), then `configured` (those its settings add): a
    /// configured token replaces one of the same text, and is listed after the others.
    public func replacing(with configured: [IssuedToken]) -> [IssuedToken] {
        var tokens = self
        for token in configured {
            tokens.removeAll { $0.value == token.value }
            tokens.append(token)
        }
        return tokens
    }
}
