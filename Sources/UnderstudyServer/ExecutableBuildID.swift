import CSystemShims

/// The running executable's GNU build ID, a hash of its contents the linker writes into it: two
/// copies of one build share it, and any change to the code gives another.
enum ExecutableBuildID {
    /// Its bytes as hex; nil when the executable was linked without one.
    static let current: String? = {
        var bytes = [UInt8](repeating: 0, count: 64)
        let length = shims_executable_build_id(&bytes, bytes.count)
        guard length > 0 else { return nil }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in bytes[..<length] { hex += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        return String(decoding: hex, as: UTF8.self)
    }()
}
