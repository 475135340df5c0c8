extension SettingsReader {
    /// What `build` makes of the settings in `environment`, once every read is done: throws all
    /// the problems the reads found as one error (`check()`), so start-up names them all.
    public static func read<Value>(
        _ environment: [String: String], _ build: (inout SettingsReader) -> Value
    ) throws(SettingsError) -> Value {
        var reader = SettingsReader(environment)
        let value = build(&reader)
        try reader.check()
        return value
    }
}
