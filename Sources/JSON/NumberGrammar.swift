/// The JSON number grammar, shared by the parser and `JSONNumber(text:)` so both accept exactly the same literals.
enum NumberGrammar {
    /// The ways a literal can break the grammar; each maps to a precise message in the parser.
    enum Failure: Equatable {
        case missingDigitAfterMinus
        case leadingZero
        case missingFractionDigit
        case missingExponentDigit
        case notFinite
    }

    /// The outcome of scanning: the offset just past the literal, or the failure and the offset it was found at.
    enum ScanResult: Equatable {
        case number(end: Int)
        case failure(Failure, at: Int)
    }

    /// Scans `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` from `start`, which holds '-' or a digit.
    static func scan(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> ScanResult {
        let end = input.count
        var position = start
        if input[position] == UInt8(ascii: "-") {
            position += 1
        }
        guard position < end else { return .failure(.missingDigitAfterMinus, at: position) }
        let firstDigit = input[position]
        if firstDigit == UInt8(ascii: "0") {
            position += 1
            if position < end, isDigit(input[position]) { return .failure(.leadingZero, at: start) }
        } else if isDigit(firstDigit) {
            position += 1
            while position < end, isDigit(input[position]) { position += 1 }
        } else if firstDigit == UInt8(ascii: "I") || firstDigit == UInt8(ascii: "N") {
            return .failure(.notFinite, at: start)
        } else {
            return .failure(.missingDigitAfterMinus, at: position)
        }
        if position < end, input[position] == UInt8(ascii: ".") {
            position += 1
            guard position < end, isDigit(input[position]) else { return .failure(.missingFractionDigit, at: position) }
            while position < end, isDigit(input[position]) { position += 1 }
        }
        if position < end, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            position += 1
            if position < end, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < end, isDigit(input[position]) else { return .failure(.missingExponentDigit, at: position) }
            while position < end, isDigit(input[position]) { position += 1 }
        }
        return .number(end: position)
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
