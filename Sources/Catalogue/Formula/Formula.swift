import Money

/// A derived tariff's formula, such as `16 * uurtarief-mbo` or `2 * weekuur-educatiemedewerker`.
///
/// The language is deliberately small: decimal numbers, references to other tariffs of the
/// same book, `+`, `-`, `*` (or `×`) and parentheses. There is no division, so every value is
/// an exact decimal and the one rounding happens where the tariff's precision says.
/// A reference is a tariff identifier (`uurtarief-mbo`, `leesklik/boekencollectie`); because
/// identifiers contain hyphens, subtraction needs spaces around the minus sign.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The formula as written in the book.
    public let text: String
    /// The parsed expression.
    public let expression: FormulaExpression

    /// The longest formula, in characters: real formulas are a dozen characters, and a bound
    /// keeps parsing and evaluation (both recursive) far from the stack's limit.
    public static let maximumLength = 200
    /// The deepest nesting of parentheses.
    public static let maximumDepth = 16

    /// Parses a formula; the error says what was expected and where.
    public init(parsing text: String) throws(FormulaError) {
        guard text.count <= Formula.maximumLength else {
            throw .syntax(message: "a formula is at most \(Formula.maximumLength) characters, this one has \(text.count)", position: Formula.maximumLength + 1)
        }
        var parser = FormulaParser(text: text)
        self.text = text
        self.expression = try parser.parseFormula()
    }

    /// The tariff identifiers the formula refers to, in order of first appearance.
    public var references: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        expression.collectReferences(into: &result, seen: &seen)
        return result
    }

    /// Evaluates the formula exactly, looking up each reference.
    public func evaluate(_ lookup: (String) -> Rational?) throws(FormulaError) -> Rational {
        try expression.evaluate(lookup)
    }

    /// The formula as written.
    public var description: String { text }
}

/// The parsed form of a formula.
public indirect enum FormulaExpression: Sendable, Equatable {
    case number(Quantity)
    case reference(String)
    case sum(FormulaExpression, FormulaExpression)
    case difference(FormulaExpression, FormulaExpression)
    case product(FormulaExpression, FormulaExpression)

    func collectReferences(into result: inout [String], seen: inout Set<String>) {
        switch self {
        case .number: break
        case .reference(let id):
            if seen.insert(id).inserted { result.append(id) }
        case .sum(let left, let right), .difference(let left, let right), .product(let left, let right):
            left.collectReferences(into: &result, seen: &seen)
            right.collectReferences(into: &result, seen: &seen)
        }
    }

    func evaluate(_ lookup: (String) -> Rational?) throws(FormulaError) -> Rational {
        do {
            switch self {
            case .number(let quantity):
                return quantity.rational
            case .reference(let id):
                guard let value = lookup(id) else { throw FormulaError.unknownReference(id) }
                return value
            case .sum(let left, let right):
                return try left.evaluate(lookup).adding(right.evaluate(lookup))
            case .difference(let left, let right):
                return try left.evaluate(lookup).subtracting(right.evaluate(lookup))
            case .product(let left, let right):
                return try left.evaluate(lookup).multiplied(by: right.evaluate(lookup))
            }
        } catch let error as FormulaError {
            throw error
        } catch {
            throw FormulaError.overflow
        }
    }
}

/// Why a formula could not be parsed or evaluated.
public enum FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a formula; `position` counts characters from 1.
    case syntax(message: String, position: Int)
    /// A reference names no tariff of the book.
    case unknownReference(String)
    /// The value does not fit the supported range.
    case overflow

    public var description: String {
        switch self {
        case .syntax(let message, let position): "\(message) at character \(position)"
        case .unknownReference(let id): "refers to \"\(id)\", which is not a tariff of this book"
        case .overflow: "the value is outside the supported range"
        }
    }
}

/// A recursive-descent parser over the formula's characters.
private struct FormulaParser {
    private let characters: [Character]
    private var index = 0
    private var depth = 0

    init(text: String) {
        characters = Array(text)
    }

    mutating func parseFormula() throws(FormulaError) -> FormulaExpression {
        skipSpaces()
        if index == characters.count {
            throw .syntax(message: "expected a formula such as \"16 * uurtarief-mbo\", found nothing", position: 1)
        }
        let expression = try parseSum()
        skipSpaces()
        if index < characters.count {
            throw .syntax(message: "unexpected \"\(characters[index])\"", position: index + 1)
        }
        return expression
    }

    private mutating func parseSum() throws(FormulaError) -> FormulaExpression {
        var left = try parseProduct()
        while true {
            skipSpaces()
            guard index < characters.count else { return left }
            let character = characters[index]
            if character == "+" {
                index += 1
                left = .sum(left, try parseProduct())
            } else if character == "-" {
                index += 1
                left = .difference(left, try parseProduct())
            } else {
                return left
            }
        }
    }

    private mutating func parseProduct() throws(FormulaError) -> FormulaExpression {
        var left = try parseFactor()
        while true {
            skipSpaces()
            guard index < characters.count, characters[index] == "*" || characters[index] == "×" else {
                return left
            }
            index += 1
            left = .product(left, try parseFactor())
        }
    }

    private mutating func parseFactor() throws(FormulaError) -> FormulaExpression {
        skipSpaces()
        guard index < characters.count else {
            throw .syntax(message: "expected a number, a tariff or \"(\" but the formula ends", position: index + 1)
        }
        let start = index
        let character = characters[index]
        if character == "(" {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Formula.maximumDepth else {
                throw .syntax(message: "parentheses are nested more than \(Formula.maximumDepth) deep", position: index + 1)
            }
            index += 1
            let inner = try parseSum()
            skipSpaces()
            guard index < characters.count, characters[index] == ")" else {
                throw .syntax(message: "expected \")\"", position: index + 1)
            }
            index += 1
            return inner
        }
        if character.isASCII, character.isNumber {
            while index < characters.count, characters[index].isASCII,
                  characters[index].isNumber || characters[index] == "." {
                index += 1
            }
            let literal = String(characters[start..<index])
            guard let quantity = try? Quantity(parsing: literal) else {
                throw .syntax(message: "\"\(literal)\" is not a decimal number", position: start + 1)
            }
            return .number(quantity)
        }
        if Self.isIdentifierStart(character) {
            while index < characters.count, Self.isIdentifierPart(characters[index]) {
                index += 1
            }
            let identifier = String(characters[start..<index])
            if identifier.hasSuffix("-") || identifier.hasSuffix("/") || identifier.contains("//") {
                throw .syntax(message: "\"\(identifier)\" is not a tariff identifier", position: start + 1)
            }
            return .reference(identifier)
        }
        throw .syntax(message: "expected a number, a tariff or \"(\", found \"\(character)\"", position: index + 1)
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " { index += 1 }
    }

    private static func isIdentifierStart(_ character: Character) -> Bool {
        character.isASCII && character.isLowercase
    }

    private static func isIdentifierPart(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "-" || character == "/")
    }
}
