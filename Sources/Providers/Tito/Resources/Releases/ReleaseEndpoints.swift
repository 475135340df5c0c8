import Emulation

/// The release endpoints L1–L12 (spec §11.12).
enum ReleaseEndpoints {
    static let routes: [Route<TitoPrincipal>] = []
}
