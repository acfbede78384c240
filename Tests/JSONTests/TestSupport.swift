import JSON
import Testing

/// Parses text that must be rejected and returns the error, recording an issue when it parses instead.
func syntaxError(
    parsing text: String,
    limits: JSONParser.Limits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> JSONSyntaxError? {
    do {
        let value = try JSONParser.parse(text, limits: limits)
        Issue.record("expected a syntax error, but the text parsed to \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Parses bytes that must be rejected and returns the error, recording an issue when they parse instead.
func syntaxError(
    parsing bytes: [UInt8],
    limits: JSONParser.Limits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) -> JSONSyntaxError? {
    do {
        let value = try JSONParser.parse(bytes, limits: limits)
        Issue.record("expected a syntax error, but the bytes parsed to \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// A number value from literal text, for expected values in tables.
func number(_ text: String) -> JSONValue {
    .number(JSONNumber(validatedText: text))
}
