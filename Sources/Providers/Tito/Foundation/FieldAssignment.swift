/// How a sent attribute lands on a record's property: the few rules Tito's models apply to most
/// of their attributes (spec §3, §8). An attribute that is not sent never changes anything.
extension Field {
    /// A value sets the property and null clears it; a value of the wrong type adds `message`.
    func assign(to target: inout Value?, key: String, orAdd message: String, to errors: inout ValidationErrors) {
        switch self {
        case .value(let value): target = value
        case .null: target = nil
        case .invalid: errors.add(key, message)
        case .absent: break
        }
    }

    /// For a property that cannot be null: a value sets it; null, or a value of the wrong type,
    /// adds `message`.
    func assignNonNull(to target: inout Value, key: String, orAdd message: String, to errors: inout ValidationErrors) {
        switch self {
        case .value(let value): target = value
        case .null, .invalid: errors.add(key, message)
        case .absent: break
        }
    }

    /// Lenient: a value sets the property, null clears it, a value of the wrong type is ignored.
    func assignIfReadable(to target: inout Value?) {
        switch self {
        case .value(let value): target = value
        case .null: target = nil
        case .invalid, .absent: break
        }
    }

    /// A value sets the property; null, or a value of the wrong type, clears it.
    func assignOrClear(to target: inout Value?) {
        switch self {
        case .value(let value): target = value
        case .null, .invalid: target = nil
        case .absent: break
        }
    }
}

extension Field<Int64> {
    /// A count or an amount: a negative one adds `negative`, a value of the wrong type
    /// `notANumber`; null clears the property.
    func assignNonNegative(to target: inout Int64?, key: String, to errors: inout ValidationErrors) {
        switch self {
        case .value(let number) where number < 0: errors.add(key, ValidationErrors.negative)
        case .value(let number): target = number
        case .null: target = nil
        case .invalid: errors.add(key, ValidationErrors.notANumber)
        case .absent: break
        }
    }
}

extension Field<String> {
    /// Text that must not be blank once sent: it is kept as sent; blank text, null or a value of
    /// the wrong type adds `blank`.
    func assignNonBlank(to target: inout String, key: String, to errors: inout ValidationErrors) {
        switch self {
        case .value(let text) where !text.isBlank: target = text
        case .absent: break
        default: errors.add(key, ValidationErrors.blank)
        }
    }

    /// One of `choices`, not blank once sent: blank text, null or a value of the wrong type adds
    /// `blank`, other text `notIncluded`.
    func assignChoice(of choices: [String], to target: inout String, key: String, to errors: inout ValidationErrors) {
        switch self {
        case .value(let text) where !text.isBlank:
            if choices.contains(text) { target = text } else { errors.add(key, ValidationErrors.notIncluded) }
        case .absent: break
        default: errors.add(key, ValidationErrors.blank)
        }
    }
}
