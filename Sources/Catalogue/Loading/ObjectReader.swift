import JSON
import Money
import Support

/// Reads the fields of one JSON object, reporting every missing, mistyped or unknown field to
/// a `DiagnosticCollector` instead of stopping at the first.
///
/// Each accessor marks its key as known; `finish()` then reports the keys nobody asked for,
/// which catches typos such as `amout` that would otherwise be silently ignored.
public final class ObjectReader {
    /// The object being read.
    public let object: JSONObject
    /// Where the object is in the file.
    public let path: JSONPath
    /// Where problems go.
    public let collector: DiagnosticCollector
    private var knownKeys: [String] = []

    /// Starts reading `value` at `path`; reports and returns nil when it is not an object.
    public init?(_ value: JSONValue, at path: JSONPath, collector: DiagnosticCollector) {
        guard case .object(let object) = value else {
            collector.report(path, "expected an object, found \(describeFound(value))")
            return nil
        }
        self.object = object
        self.path = path
        self.collector = collector
    }

    /// The raw value of a field; reports a missing required field.
    public func value(_ key: String, required: Bool = true) -> JSONValue? {
        knownKeys.append(key)
        guard let value = object[key] else {
            if required { collector.report(path, "missing required field \"\(key)\"") }
            return nil
        }
        return value
    }

    /// Whether the object has this key (without reading it).
    public func has(_ key: String) -> Bool { object[key] != nil }

    /// Reports every key that no accessor asked for.
    public func finish() {
        // Objects have a handful of keys, so a linear search beats building a set each time.
        for member in object.members where !knownKeys.contains(member.key) {
            var message = "unknown field \(quoted(member.key))"
            if let hint = didYouMean(suggestions(for: member.key, among: knownKeys)) {
                message += "; " + hint
            }
            collector.report(path.appending(member.key), message)
        }
    }

    // MARK: Typed fields

    /// A non-empty string.
    public func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        return collector.string(value, at: path.appending(key))
    }

    /// A lowercase code such as `robuuste-bibliotheek`.
    public func code(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        return collector.code(value, at: path.appending(key))
    }

    /// An integer within `range`.
    public func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        return collector.integer(value, in: range, at: path.appending(key))
    }

    /// A boolean.
    public func boolean(_ key: String, required: Bool = true) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            collector.report(path.appending(key), "expected true or false, found \(describeFound(value))")
            return nil
        }
        return flag
    }

    /// One of an enumeration's raw values.
    public func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _ type: Choice.Type, named noun: String, required: Bool = true
    ) -> Choice? where Choice.RawValue == String {
        guard let value = value(key, required: required) else { return nil }
        return collector.choice(value, type, named: noun, at: path.appending(key))
    }

    /// A money amount in the JSON form `"95116.00"`.
    public func money(_ key: String, allowNegative: Bool = false, required: Bool = true) -> Money? {
        guard let value = value(key, required: required) else { return nil }
        return collector.money(value, allowNegative: allowNegative, at: path.appending(key))
    }

    /// A decimal number written as a JSON number, such as `4` or `2.5`.
    public func quantity(_ key: String, required: Bool = true) -> Quantity? {
        guard let value = value(key, required: required) else { return nil }
        return collector.quantity(value, at: path.appending(key))
    }

    /// A percentage written as a string, such as `"9"` or `"3.75"`.
    public func percentage(_ key: String, required: Bool = true) -> Percentage? {
        guard let value = value(key, required: required) else { return nil }
        let fieldPath = path.appending(key)
        guard case .string(let text) = value else {
            collector.report(fieldPath, "expected a percentage as a string like \"3.75\", found \(describeFound(value))")
            return nil
        }
        do {
            return try Percentage(parsing: text)
        } catch {
            collector.report(fieldPath, "expected a percentage with at most two decimals like \"3.75\", found \(quoted(text))")
            return nil
        }
    }

    /// A fraction written as a string, such as `"2/3"`.
    public func fraction(_ key: String, required: Bool = true) -> Rational? {
        guard let value = value(key, required: required) else { return nil }
        let fieldPath = path.appending(key)
        guard case .string(let text) = value, let fraction = try? Rational(parsingFraction: text) else {
            collector.report(fieldPath, "expected a fraction as a string like \"2/3\", found \(describeFound(value))")
            return nil
        }
        return fraction
    }

    /// An array; returns its elements with their paths.
    public func array(_ key: String, required: Bool = true) -> [(value: JSONValue, path: JSONPath)]? {
        guard let value = value(key, required: required) else { return nil }
        return collector.array(value, at: path.appending(key))
    }

    /// A nested object.
    public func object(_ key: String, required: Bool = true) -> ObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader(value, at: path.appending(key), collector: collector)
    }

    /// An array of strings.
    public func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let elements = array(key, required: required) else { return nil }
        let strings = elements.compactMap { collector.string($0.value, at: $0.path) }
        return strings.count == elements.count ? strings : nil
    }
}

extension DiagnosticCollector {
    /// A non-empty string.
    public func string(_ value: JSONValue, at path: JSONPath) -> String? {
        guard case .string(let text) = value else {
            report(path, "expected a string, found \(describeFound(value))")
            return nil
        }
        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            report(path, "expected a non-empty string, found \(quoted(text))")
            return nil
        }
        return text
    }

    /// A lowercase code: letters a–z and digits, words joined by single hyphens.
    public func code(_ value: JSONValue, at path: JSONPath) -> String? {
        guard case .string(let text) = value else {
            report(path, "expected a code like \"robuuste-bibliotheek\", found \(describeFound(value))")
            return nil
        }
        guard isCode(text) else {
            report(path, "expected a code of lowercase letters, digits and single hyphens like \"robuuste-bibliotheek\", found \(quoted(text))")
            return nil
        }
        return text
    }

    /// An integer within a range.
    public func integer(_ value: JSONValue, in range: ClosedRange<Int>, at path: JSONPath) -> Int? {
        guard case .number(let number) = value, number.isInteger, let integer = number.int64Value,
              let result = Int(exactly: integer) else {
            report(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(describeFound(value))")
            return nil
        }
        guard range.contains(result) else {
            report(path, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(result)")
            return nil
        }
        return result
    }

    /// One of an enumeration's raw values; the message lists the allowed ones.
    public func choice<Choice: RawRepresentable & CaseIterable>(
        _ value: JSONValue, _ type: Choice.Type, named noun: String, at path: JSONPath
    ) -> Choice? where Choice.RawValue == String {
        // The list of allowed values is only spelled out when a message needs it.
        func allowed() -> String { Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
        guard case .string(let text) = value else {
            report(path, "expected a \(noun), one of \(allowed()), found \(describeFound(value))")
            return nil
        }
        guard let choice = Choice(rawValue: text) else {
            report(path, "unknown \(noun) \(quoted(text)); expected one of \(allowed())")
            return nil
        }
        return choice
    }

    /// A money amount in the JSON form.
    public func money(_ value: JSONValue, allowNegative: Bool, at path: JSONPath) -> Money? {
        guard case .string(let text) = value else {
            report(path, "expected an amount as a string with a dot and two decimals like \"95116.00\", found \(describeFound(value))")
            return nil
        }
        let amount: Money
        do {
            amount = try Money(parsing: text)
        } catch MoneyError.overflow {
            report(path, "the amount \(quoted(text)) is outside the supported range of ±999999999999.99")
            return nil
        } catch {
            report(path, "expected an amount with a dot and exactly two decimals like \"95116.00\", found \(quoted(text))")
            return nil
        }
        if !allowNegative && amount < Money.zero {
            report(path, "expected an amount of zero or more, found the negative amount \(quoted(text))")
            return nil
        }
        return amount
    }

    /// A decimal written as a JSON number.
    public func quantity(_ value: JSONValue, at path: JSONPath) -> Quantity? {
        guard case .number(let number) = value, let quantity = try? Quantity(parsing: number.text) else {
            report(path, "expected a decimal number with at most six decimals like 2.5, found \(describeFound(value))")
            return nil
        }
        return quantity
    }

    /// An array's elements with their paths.
    public func array(_ value: JSONValue, at path: JSONPath) -> [(value: JSONValue, path: JSONPath)]? {
        guard case .array(let elements) = value else {
            report(path, "expected an array, found \(describeFound(value))")
            return nil
        }
        return elements.enumerated().map { ($0.element, path.appending(index: $0.offset)) }
    }
}

/// Whether `text` is a code: `[a-z0-9]+(-[a-z0-9]+)*`.
public func isCode(_ text: String) -> Bool {
    var previousWasHyphen = true
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            previousWasHyphen = false
        case UInt8(ascii: "-"):
            if previousWasHyphen { return false }
            previousWasHyphen = true
        default:
            return false
        }
    }
    return !previousWasHyphen
}
