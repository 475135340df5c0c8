import Emulation
import Foundation

/// Let's Do This's tokens in the world's token store. Its API keys are JWTs checked by their
/// signature, so the store holds only what a signature cannot tell: the static keys of
/// `LDT_STATIC_TOKENS` (accepted as they are) and, for `/_understudy/credentials`, the tokens
/// minted through `POST /_understudy/letsdothis/tokens`, which keep working after a reset.
/// The seed's ready-made tokens are JWTs too; they stay seed data (`letsdothis_tokens`).
enum LetsDoThisTokens {
    static func initial(settings: LetsDoThisSettings) -> [IssuedToken] {
        settings.staticTokens.map { configured in
            IssuedToken(
                provider: LetsDoThisProvider.providerName, value: configured.token,
                subject: JSONObject([("organiserId", .string(configured.organiserID))]),
                purpose: "Configured by LDT_STATIC_TOKENS", origin: .environment)
        }
    }

    static func minted(_ token: String, organiserID: String, jti: String?, expiresAt: Date?) -> IssuedToken {
        var subject = JSONObject([("organiserId", .string(organiserID))])
        if let jti { subject["jti"] = .string(jti) }
        return IssuedToken(
            provider: LetsDoThisProvider.providerName, value: token, subject: subject, expiresAt: expiresAt,
            purpose: "Minted through POST /_understudy/letsdothis/tokens", origin: .minted)
    }

    /// The organiser of a static key; nil for any other token (minted JWTs are verified by signature).
    static func staticOrganiser(of token: String, in store: TokenStore) -> String? {
        guard let issued = store.token(provider: LetsDoThisProvider.providerName, value: token), issued.origin == .environment
        else { return nil }
        return issued.subject["organiserId"]?.stringValue
    }
}
