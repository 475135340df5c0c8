import Emulation
import GoEvent

/// Every emulated API, in the order they are listed by the control API.
public enum ProviderCatalog {
    public static func providers(environment: [String: String]) -> [any Provider] {
        [
            GoEventProvider(environment: environment)
        ]
    }
}
