import Bookingkit
import Emulation
import GoEvent
import LetsDoThis
import Tito

/// Every emulated API, in the order they are listed by the control API.
public enum ProviderCatalog {
    public static func providers(environment: [String: String]) -> [any Provider] {
        [
            LetsDoThisProvider(environment: environment),
            GoEventProvider(environment: environment),
            TitoProvider(environment: environment),
            BookingkitProvider(environment: environment),
        ]
    }
}
