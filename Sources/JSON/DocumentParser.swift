/// The bytes the grammar cares about, named so the parser reads like the grammar.
private enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let delete: UInt8 = 0x7F

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    @inline(__always)
    static func isHexadecimalDigit(_ byte: UInt8) -> Bool {
        NumberGrammar.isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    @inline(__always)
    static func hexadecimalValue(_ byte: UInt8) -> UInt32 {
        NumberGrammar.isDigit(byte) ? UInt32(byte - zero) : UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
    }
}

/// The parser proper: one pass over a byte buffer with an explicit stack of open containers instead of
/// recursion, so the nesting a file can reach is bounded by `Limits.maximumDepth` and never by the thread's stack.
///
/// It only lives inside `withUnsafeBufferPointer`, which is why it may hold an unsafe buffer.
struct DocumentParser {
    /// An array or object that has been opened and not yet closed.
    private struct Frame {
        let isObject: Bool
        let openingOffset: Int
        /// Where this container's children start in the shared element or member stack.
        let base: Int
        /// Built only once an object grows past `keySetThreshold`, because hashing costs more than a short scan.
        var keySet: Set<String>? = nil
        /// The key of the member whose value is being parsed.
        var pendingKey: String = ""
        /// Where that key starts, stored with the member once its value is complete.
        var pendingKeyOffset = 0
    }

    /// Below this many members a linear scan finds duplicates faster than a hash set would.
    private static let keySetThreshold = 16

    private let input: UnsafeBufferPointer<UInt8>
    private let end: Int
    private let maximumDepth: Int
    /// Where the content starts after a byte order mark; columns on the first line count from here.
    private var contentStart = 0
    private var position = 0
    private var stack: [Frame] = []
    /// The children of all open arrays, innermost last. Sharing one stack instead of growing an array per
    /// container means each finished container is copied out once at its exact size.
    private var elementStack: [JSONValue] = []
    /// The members of all open objects, innermost last, shared for the same reason as `elementStack`.
    private var memberStack: [JSONObject.Member] = []
    /// The offsets of the keys in `memberStack`, kept so a duplicate can say where the first occurrence is.
    private var keyOffsetStack: [Int] = []
    /// Reused for strings with escapes so that each one does not allocate its own buffer.
    private var scratch: [UInt8] = []

    private init(input: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.input = input
        self.end = input.count
        self.maximumDepth = maximumDepth
    }

    /// Parses the whole buffer; returns a result because the buffer closures in the standard library do not all carry typed throws.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: JSONParser.Limits) -> Result<JSONValue, JSONSyntaxError> {
        guard input.count <= limits.maximumBytes else {
            return .failure(JSONSyntaxError(
                message: "the file is larger than the limit of \(limits.maximumBytes) bytes",
                line: 1, column: 1, path: .root
            ))
        }
        var parser = DocumentParser(input: input, maximumDepth: limits.maximumDepth)
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Document and values

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        guard end > 0 else { throw failure("the file is empty", at: 0, path: .root) }
        if end >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            contentStart = 3
            position = 3
            guard end > 3 else { throw failure("the file is empty", at: 3, path: .root) }
        } else if end >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) {
            // Notepad and Excel on Windows save "Unicode" as UTF-16, which deserves a clearer word than a byte value.
            throw failure(
                UTF8Validation.messagePrefix + "it starts with a UTF-16 byte order mark; save it as UTF-8",
                at: 0, path: .root
            )
        }
        skipWhitespace()
        guard position < end else { throw failure("the file contains only whitespace", at: contentStart, path: .root) }
        let value = try parseValue()
        skipWhitespace()
        guard position == end else {
            throw unexpected("expected the end of the file after the top-level value", includingMember: false)
        }
        return value
    }

    /// Parses one value, pushing a frame for every container it opens and popping as they close.
    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        var value: JSONValue
        nextValue: while true {
            skipWhitespace()
            guard position < end else { throw unexpected("expected a value", includingMember: true) }
            switch input[position] {
            case ASCII.openBracket:
                try checkDepth()
                let opening = position
                position += 1
                skipWhitespace()
                if position < end, input[position] == ASCII.closeBracket {
                    position += 1
                    value = .array([])
                } else {
                    stack.append(Frame(isObject: false, openingOffset: opening, base: elementStack.count))
                    continue nextValue
                }
            case ASCII.openBrace:
                try checkDepth()
                let opening = position
                position += 1
                skipWhitespace()
                if position < end, input[position] == ASCII.closeBrace {
                    position += 1
                    value = .object(JSONObject())
                } else {
                    stack.append(Frame(isObject: true, openingOffset: opening, base: memberStack.count))
                    try parseKey(afterComma: false)
                    continue nextValue
                }
            case ASCII.quote:
                value = .string(try parseString(isKey: false))
            case ASCII.minus, ASCII.zero...ASCII.nine:
                value = .number(try parseNumber())
            default:
                value = try parseLiteral()
            }

            // The value is complete: store it in its container, then either move on to the next sibling
            // or close the container, which completes another value one level up.
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].isObject {
                    let key = stack[top].pendingKey
                    memberStack.append(JSONObject.Member(key: key, value: value))
                    keyOffsetStack.append(stack[top].pendingKeyOffset)
                    skipWhitespace()
                    if position < end, input[position] == ASCII.comma {
                        let comma = position
                        position += 1
                        skipWhitespace()
                        if position < end, input[position] == ASCII.closeBrace {
                            throw failure("trailing comma before '}'", at: comma, path: currentPath(includingMember: false))
                        }
                        try parseKey(afterComma: true)
                        continue nextValue
                    } else if position < end, input[position] == ASCII.closeBrace {
                        position += 1
                        let base = stack.removeLast().base
                        value = .object(JSONObject(Array(memberStack[base...])))
                        memberStack.removeSubrange(base...)
                        keyOffsetStack.removeSubrange(base...)
                    } else {
                        throw unexpected("expected ',' or '}' after an object member", includingMember: false)
                    }
                } else {
                    elementStack.append(value)
                    skipWhitespace()
                    if position < end, input[position] == ASCII.comma {
                        let comma = position
                        position += 1
                        skipWhitespace()
                        if position < end, input[position] == ASCII.closeBracket {
                            throw failure("trailing comma before ']'", at: comma, path: currentPath(includingMember: false))
                        }
                        continue nextValue
                    } else if position < end, input[position] == ASCII.closeBracket {
                        position += 1
                        let base = stack.removeLast().base
                        value = .array(Array(elementStack[base...]))
                        elementStack.removeSubrange(base...)
                    } else {
                        throw unexpected("expected ',' or ']' after an array element", includingMember: false)
                    }
                }
            }
            return value
        }
    }

    private func checkDepth() throws(JSONSyntaxError) {
        guard stack.count < maximumDepth else {
            throw failure(
                "nesting is deeper than the limit of \(maximumDepth) levels",
                at: position, path: currentPath(includingMember: true)
            )
        }
    }

    /// Parses a member's key and the colon after it, and records the key so a later duplicate is caught.
    private mutating func parseKey(afterComma: Bool) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < end, input[position] == ASCII.quote else {
            if position < end, input[position] == ASCII.apostrophe {
                throw failure("strings must be in double quotes, not single quotes", at: position, path: currentPath(includingMember: false))
            }
            if position < end, ASCII.isLetter(input[position]) || input[position] == ASCII.underscore {
                throw failure("object keys must be strings in double quotes", at: position, path: currentPath(includingMember: false))
            }
            throw unexpected(afterComma ? "expected a string key after ','" : "expected a string key or '}'", includingMember: false)
        }
        let keyOffset = position
        let key = try parseString(isKey: true)
        let top = stack.count - 1
        stack[top].pendingKey = key
        if !registerKey(key, in: top) {
            var message = "duplicate key \(StringEscaping.quoted(key))"
            if let first = memberStack[stack[top].base...].firstIndex(where: { $0.key == key }) {
                let (line, column) = location(of: keyOffsetStack[first])
                message += " (first used at line \(line), column \(column))"
            }
            throw failure(message, at: keyOffset, path: currentPath(includingMember: true))
        }
        stack[top].pendingKeyOffset = keyOffset
        skipWhitespace()
        guard position < end, input[position] == ASCII.colon else {
            throw unexpected("expected ':' after the key \(StringEscaping.quoted(key))", includingMember: true)
        }
        position += 1
    }

    /// Returns false when the object already has the key; Swift string equality decides, as it does for lookup.
    private mutating func registerKey(_ key: String, in top: Int) -> Bool {
        if stack[top].keySet != nil {
            return stack[top].keySet!.insert(key).inserted
        }
        let members = memberStack[stack[top].base...]
        if members.count < DocumentParser.keySetThreshold {
            return !members.contains { $0.key == key }
        }
        var keySet = Set<String>(minimumCapacity: members.count * 2)
        for member in members {
            keySet.insert(member.key)
        }
        let inserted = keySet.insert(key).inserted
        stack[top].keySet = keySet
        return inserted
    }

    // MARK: - Scalars

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        switch NumberGrammar.scan(input, from: start) {
        case .number(let numberEnd):
            position = numberEnd
            return JSONNumber(scannedText: String(decoding: input.extracting(start..<numberEnd), as: UTF8.self))
        case .failure(let reason, let offset):
            position = offset
            switch reason {
            case .missingDigitAfterMinus:
                throw unexpected("expected a digit after '-'", includingMember: true)
            case .leadingZero:
                throw failure("numbers must not have leading zeros", at: offset, path: currentPath(includingMember: true))
            case .missingFractionDigit:
                throw unexpected("expected a digit after the decimal point", includingMember: true)
            case .missingExponentDigit:
                throw unexpected("expected a digit in the exponent", includingMember: true)
            case .notFinite:
                throw failure("NaN and Infinity are not valid JSON numbers", at: offset, path: currentPath(includingMember: true))
            }
        }
    }

    /// Parses `true`, `false` or `null`, or explains what the unexpected text at a value position is.
    private mutating func parseLiteral() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let byte = input[start]
        switch byte {
        case ASCII.apostrophe:
            throw failure("strings must be in double quotes, not single quotes", at: start, path: currentPath(includingMember: true))
        case ASCII.plus:
            throw failure("numbers must not start with '+'", at: start, path: currentPath(includingMember: true))
        case ASCII.dot:
            throw failure("numbers must have a digit before the decimal point", at: start, path: currentPath(includingMember: true))
        case _ where ASCII.isLetter(byte) || byte == ASCII.underscore:
            var wordEnd = start + 1
            while wordEnd < end, ASCII.isLetter(input[wordEnd]) || NumberGrammar.isDigit(input[wordEnd]) || input[wordEnd] == ASCII.underscore {
                wordEnd += 1
            }
            let word = String(decoding: input.extracting(start..<wordEnd), as: UTF8.self)
            switch word {
            case "true":
                position = wordEnd
                return .bool(true)
            case "false":
                position = wordEnd
                return .bool(false)
            case "null":
                position = wordEnd
                return .null
            case "NaN", "Infinity":
                throw failure("NaN and Infinity are not valid JSON numbers", at: start, path: currentPath(includingMember: true))
            default:
                let shown = word.utf8.count > 40 ? String(word.prefix(40)) + "…" : word
                let lowercase = word.lowercased()
                if lowercase == "true" || lowercase == "false" || lowercase == "null" {
                    throw failure(
                        "unknown literal '\(shown)'; JSON literals are written in lowercase: \(lowercase)",
                        at: start, path: currentPath(includingMember: true)
                    )
                }
                throw failure(
                    "unexpected word '\(shown)'; text must be a string in double quotes",
                    at: start, path: currentPath(includingMember: true)
                )
            }
        default:
            throw unexpected("expected a value", includingMember: true)
        }
    }

    /// Parses a string starting at its opening quote; the common case without escapes becomes one String
    /// straight from the input bytes.
    private mutating func parseString(isKey: Bool) throws(JSONSyntaxError) -> String {
        let quote = position
        position += 1
        let contentStart = position
        while position < end {
            let byte = input[position]
            if byte >= ASCII.space, byte < 0x80, byte != ASCII.quote, byte != ASCII.backslash {
                position += 1
                continue
            }
            if byte == ASCII.quote {
                let text = String(decoding: input.extracting(contentStart..<position), as: UTF8.self)
                position += 1
                return text
            }
            if byte == ASCII.backslash {
                return try parseEscapedString(quote: quote, contentStart: contentStart, isKey: isKey)
            }
            if byte < ASCII.space {
                throw controlCharacterFailure(isKey: isKey)
            }
            try skipMultibyteCharacter(isKey: isKey)
        }
        throw unterminatedString(quote: quote, isKey: isKey)
    }

    /// Continues a string once its first escape is found, collecting the decoded bytes in the scratch buffer.
    private mutating func parseEscapedString(quote: Int, contentStart: Int, isKey: Bool) throws(JSONSyntaxError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: input.extracting(contentStart..<position))
        while position < end {
            let byte = input[position]
            if byte >= ASCII.space, byte < 0x80, byte != ASCII.quote, byte != ASCII.backslash {
                scratch.append(byte)
                position += 1
                continue
            }
            if byte == ASCII.quote {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                try appendEscape(quote: quote, isKey: isKey)
                continue
            }
            if byte < ASCII.space {
                throw controlCharacterFailure(isKey: isKey)
            }
            let characterStart = position
            try skipMultibyteCharacter(isKey: isKey)
            scratch.append(contentsOf: input.extracting(characterStart..<position))
        }
        throw unterminatedString(quote: quote, isKey: isKey)
    }

    /// Decodes the escape at the current backslash into the scratch buffer.
    private mutating func appendEscape(quote: Int, isKey: Bool) throws(JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard position < end else { throw unterminatedString(quote: quote, isKey: isKey) }
        let byte = input[position]
        let decoded: UInt8
        switch byte {
        case ASCII.quote, ASCII.backslash, ASCII.slash: decoded = byte
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = ASCII.lineFeed
        case UInt8(ascii: "r"): decoded = ASCII.carriageReturn
        case UInt8(ascii: "t"): decoded = ASCII.tab
        case UInt8(ascii: "u"):
            position += 1
            try appendUnicodeEscape(escapeStart: escapeStart, isKey: isKey)
            return
        default:
            if byte >= 0x80, case .invalid(let reason) = UTF8Validation.check(input, at: position) {
                throw failure(UTF8Validation.messagePrefix + reason, at: position, path: currentPath(includingMember: !isKey))
            }
            let shown = byte > ASCII.space && byte < ASCII.delete
                ? "'\\\(Character(Unicode.Scalar(byte)))'"
                : "(a backslash followed by \(describeCurrent()))"
            throw failure(
                "invalid escape sequence \(shown) in a string; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hexadecimal digits",
                at: escapeStart, path: currentPath(includingMember: !isKey)
            )
        }
        scratch.append(decoded)
        position += 1
    }

    /// Decodes `\uXXXX`, combining a high and a low surrogate into one scalar and rejecting unpaired halves.
    private mutating func appendUnicodeEscape(escapeStart: Int, isKey: Bool) throws(JSONSyntaxError) {
        let unit = try readFourHexadecimalDigits(escapeStart: escapeStart, isKey: isKey)
        var scalar = unit
        switch unit {
        case 0xD800...0xDBFF:
            guard position + 1 < end, input[position] == ASCII.backslash, input[position + 1] == UInt8(ascii: "u") else {
                throw failure(
                    "unpaired UTF-16 high surrogate \(escapeText(at: escapeStart)); it must be followed by a low surrogate \\uDC00 to \\uDFFF",
                    at: escapeStart, path: currentPath(includingMember: !isKey)
                )
            }
            let secondStart = position
            position += 2
            let low = try readFourHexadecimalDigits(escapeStart: secondStart, isKey: isKey)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(
                    "UTF-16 high surrogate \(escapeText(at: escapeStart)) is followed by \(escapeText(at: secondStart)) instead of a low surrogate \\uDC00 to \\uDFFF",
                    at: escapeStart, path: currentPath(includingMember: !isKey)
                )
            }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw failure(
                "unpaired UTF-16 low surrogate \(escapeText(at: escapeStart)); it must follow a high surrogate \\uD800 to \\uDBFF",
                at: escapeStart, path: currentPath(includingMember: !isKey)
            )
        default:
            break
        }
        appendUTF8(scalar)
    }

    /// Reads the four hexadecimal digits after `\u`; `escapeStart` is the backslash, where any error points.
    private mutating func readFourHexadecimalDigits(escapeStart: Int, isKey: Bool) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < end, ASCII.isHexadecimalDigit(input[position]) else {
                throw failure(
                    "invalid \\u escape: expected four hexadecimal digits after \\u",
                    at: escapeStart, path: currentPath(includingMember: !isKey)
                )
            }
            value = value << 4 | ASCII.hexadecimalValue(input[position])
            position += 1
        }
        return value
    }

    /// The six characters of a `\uXXXX` escape as the author wrote them, for messages.
    private func escapeText(at offset: Int) -> String {
        String(decoding: input.extracting(offset..<min(offset + 6, end)), as: UTF8.self)
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Steps over one non-ASCII character inside a string, or reports why it is not valid UTF-8.
    private mutating func skipMultibyteCharacter(isKey: Bool) throws(JSONSyntaxError) {
        switch UTF8Validation.check(input, at: position) {
        case .valid(let length):
            position += length
        case .invalid(let reason):
            throw failure(UTF8Validation.messagePrefix + reason, at: position, path: currentPath(includingMember: !isKey))
        }
    }

    private func controlCharacterFailure(isKey: Bool) -> JSONSyntaxError {
        let byte = input[position]
        let message = byte == ASCII.lineFeed || byte == ASCII.carriageReturn
            ? "unescaped line break in a string; write it as \\n, or add the missing closing quote"
            : "unescaped control character \(scalarName(UInt32(byte))) in a string; write it as \(StringEscaping.quoted(String(Unicode.Scalar(byte))).dropFirst().dropLast())"
        return failure(message, at: position, path: currentPath(includingMember: !isKey))
    }

    private func unterminatedString(quote: Int, isKey: Bool) -> JSONSyntaxError {
        failure(
            "the string that starts here has no closing quote before the end of the file",
            at: quote, path: currentPath(includingMember: !isKey)
        )
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < end {
            switch input[position] {
            case ASCII.space, ASCII.lineFeed, ASCII.carriageReturn, ASCII.tab:
                position += 1
            default:
                return
            }
        }
    }

    // MARK: - Errors

    /// The path of the value being parsed (`includingMember`) or of the innermost open container.
    private func currentPath(includingMember: Bool) -> JSONPath {
        var components: [JSONPath.Component] = []
        components.reserveCapacity(stack.count)
        for (depth, frame) in stack.enumerated() {
            // Every outer frame is in the middle of one of its members; only the innermost may be between members.
            if depth == stack.count - 1, !includingMember { break }
            // An array's next child index is how many children it already holds; the next frame's base,
            // or the top of the stack for the innermost frame, marks where its children end.
            components.append(frame.isObject ? .key(frame.pendingKey) : .index(childCount(ofFrameAt: depth)))
        }
        return JSONPath(components)
    }

    private func childCount(ofFrameAt depth: Int) -> Int {
        let frame = stack[depth]
        let next = stack[(depth + 1)...].first { $0.isObject == frame.isObject }
        return (next?.base ?? (frame.isObject ? memberStack.count : elementStack.count)) - frame.base
    }

    private func failure(_ message: String, at offset: Int, path: JSONPath) -> JSONSyntaxError {
        let (line, column) = location(of: offset)
        return JSONSyntaxError(message: message, line: line, column: column, path: path)
    }

    /// An error for an unexpected byte at the current position, naming what was found; malformed UTF-8 and
    /// comments get their own messages because "found '/'" would not tell the author what to change.
    private func unexpected(_ expectation: String, includingMember: Bool) -> JSONSyntaxError {
        let path = currentPath(includingMember: includingMember)
        if position < end {
            let byte = input[position]
            if byte >= 0x80, case .invalid(let reason) = UTF8Validation.check(input, at: position) {
                return failure(UTF8Validation.messagePrefix + reason, at: position, path: path)
            }
            if byte == ASCII.slash {
                return failure("comments are not allowed in JSON", at: position, path: path)
            }
        }
        var message = "\(expectation), found \(describeCurrent())"
        if position == end, let innermost = stack.last {
            let (line, column) = location(of: innermost.openingOffset)
            let kind = innermost.isObject ? "object" : "array"
            message += " (the \(kind) that opens at line \(line), column \(column) is not closed)"
        }
        return failure(message, at: position, path: path)
    }

    /// The character at the current position in words, for "found ..." in messages.
    private func describeCurrent() -> String {
        guard position < end else { return "the end of the file" }
        let byte = input[position]
        if byte < ASCII.space || byte == ASCII.delete {
            return "control character \(scalarName(UInt32(byte)))"
        }
        if byte < 0x80 {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        guard case .valid(let length) = UTF8Validation.check(input, at: position) else {
            return "byte \(UTF8Validation.hexadecimal(byte))"
        }
        let character = String(decoding: input.extracting(position..<position + length), as: UTF8.self)
        let value = character.unicodeScalars.first.map { $0.value } ?? 0
        return "'\(character)' (\(scalarName(value)))"
    }

    private func scalarName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Converts a byte offset to a 1-based line and a column in Unicode scalars; only runs when reporting an error.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        guard offset >= contentStart else { return (1, 1) }
        var line = 1
        var lineStart = contentStart
        var index = contentStart
        while index < offset {
            let byte = input[index]
            if byte == ASCII.lineFeed {
                line += 1
                lineStart = index + 1
            } else if byte == ASCII.carriageReturn, !(index + 1 < end && input[index + 1] == ASCII.lineFeed) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var column = 1
        for index in lineStart..<offset where !UTF8Validation.isContinuation(input[index]) {
            column += 1
        }
        return (line, column)
    }
}
