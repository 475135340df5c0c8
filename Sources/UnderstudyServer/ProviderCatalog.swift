import Bookingkit
import Emulation
import Eventbrite
import GoEvent
import LetsDoThis
import Tito

/// Every emulated API, in the order they are listed by the control API.
public enum ProviderCatalog {
    /// Each provider reads its settings from `environment`; throws one `SettingsError` naming
    /// every unusable setting of every provider.
    public static func providers(environment: [String: String]) throws -> [any Provider] {
        try SettingsError.gathering([
            { try LetsDoThisProvider(environment: environment) },
            { try GoEventProvider(environment: environment) },
            { try TitoProvider(environment: environment) },
            { try EventbriteProvider(environment: environment) },
            { try BookingkitProvider(environment: environment) },
        ])
    }
}
