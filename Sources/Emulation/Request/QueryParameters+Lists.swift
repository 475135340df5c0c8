extension QueryParameters {
    /// The ways a list parameter may be written besides repeating its key (`status=a&status=b`,
    /// always read).
    public struct ListSpellings: OptionSet, Sendable {
        public let rawValue: Int

        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `status=live,draft`.
        public static let commas = ListSpellings(rawValue: 1 << 0)
        /// `status[]=live` and `status[0]=live` (Rails, PHP).
        public static let brackets = ListSpellings(rawValue: 1 << 1)
        /// `status=["live","draft"]`: a JSON array of strings or integers. A value that is not one
        /// reads as plain text.
        public static let jsonArray = ListSpellings(rawValue: 1 << 2)
    }

    /// Every value of the list parameter `name`, in order, in any of the `spellings` and repeated
    /// keys, each trimmed of spaces and tabs, empty ones dropped; nil when the parameter is absent
    /// (`[]` when it is present but empty).
    public func list(_ name: String, spellings: ListSpellings = .commas) -> [String]? {
        let given = items.filter { $0.name == name || spellings.contains(.brackets) && Self.isBracketed($0.name, of: name) }
        guard !given.isEmpty else { return nil }
        return ListValues.items(given.map(\.value), spellings: spellings)
    }

    /// `name[]` or `name[N]` with N decimal digits.
    private static func isBracketed(_ key: String, of name: String) -> Bool {
        guard key.count > name.count + 1, key.hasPrefix(name + "["), key.hasSuffix("]") else { return false }
        return key.dropFirst(name.count + 1).dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
