import JSON

/// How a valid input is broken: on its parsed tree (written back with `JSONWriter`) or on its bytes.
enum Mutation: String, CaseIterable, Sendable {
    case typeChange = "value of another type"
    case removeField = "field removed"
    case unknownField = "unknown field added"
    case extremeNumber = "extreme number"
    case numberAsString = "number as string"
    case amountText = "malformed amount"
    case extremeAmount = "valid amount at the edge of the range"
    case extremeString = "extreme string"
    case formulaChange = "formula rewritten"
    case arrayChange = "array emptied or changed"
    case duplicateKey = "duplicated key"
    case deepNesting = "deep nesting"
    case stacked = "several tree mutations"
    case invalidUTF8 = "invalid UTF-8"
    case badStringContent = "raw control character or bad escape"
    case truncation = "truncated"
    case trailingContent = "content after the document"
    case emptyFile = "empty file"
    case whitespaceOnly = "whitespace only"
    case byteOrderMark = "byte order mark"
    case largeFile = "50 MB file"

    /// The mutations the cases take by turns; the 50 MB file has a test of its own, so it is made only a handful of times.
    static let rotation: [Mutation] = allCases.filter { $0 != .largeFile }

    /// The mutations a stacked case chooses from: those that work on the tree and keep it small.
    static let stackable: [Mutation] = [.typeChange, .removeField, .unknownField, .extremeNumber, .numberAsString,
                                        .amountText, .extremeAmount, .extremeString, .formulaChange, .arrayChange, .duplicateKey]
}

/// A mutated input and a description of what was done to it, for reports.
struct MutatedInput: Sendable {
    /// The bytes of the broken file.
    var bytes: [UInt8]
    /// What was changed, and where, in words.
    var description: String
}

/// One step from a container to a child: a member by its position (so a repeated key is still one place) or an element.
enum TreeStep: Sendable, Hashable {
    case member(Int)
    case element(Int)
}

/// A value of the tree with the steps that lead to it.
struct TreeNode {
    /// The steps from the root.
    var steps: [TreeStep]
    /// The value found there.
    var value: JSONValue
    /// Whether the value is the member of an object, which is what a removal needs.
    var isMember: Bool
}

/// Every value of a tree, the root first, in document order.
func treeNodes(_ root: JSONValue) -> [TreeNode] {
    var nodes: [TreeNode] = []
    /// Visits a value and its children; the seeds are shallow, so recursion is safe.
    func visit(_ value: JSONValue, _ steps: [TreeStep], isMember: Bool) {
        nodes.append(TreeNode(steps: steps, value: value, isMember: isMember))
        switch value {
        case .array(let elements):
            for (index, element) in elements.enumerated() { visit(element, steps + [.element(index)], isMember: false) }
        case .object(let object):
            for (index, member) in object.members.enumerated() { visit(member.value, steps + [.member(index)], isMember: true) }
        default:
            break
        }
    }
    visit(root, [], isMember: false)
    return nodes
}

/// The tree with the value at `steps` replaced by `transform` of it; a nil result removes the value from its container.
func replacingValue(in value: JSONValue, at steps: ArraySlice<TreeStep>, _ transform: (JSONValue) -> JSONValue?) -> JSONValue? {
    guard let step = steps.first else { return transform(value) }
    let rest = steps.dropFirst()
    switch (step, value) {
    case (.element(let index), .array(var elements)):
        if let replaced = replacingValue(in: elements[index], at: rest, transform) {
            elements[index] = replaced
        } else {
            elements.remove(at: index)
        }
        return .array(elements)
    case (.member(let index), .object(var object)):
        if let replaced = replacingValue(in: object.members[index].value, at: rest, transform) {
            object.members[index] = JSONObject.Member(key: object.members[index].key, value: replaced)
        } else {
            object.members.remove(at: index)
        }
        return .object(object)
    default:
        preconditionFailure("the steps do not lead through this tree")
    }
}

/// The value at `steps`, or nil when they do not lead through the tree.
func treeValue(_ root: JSONValue, at steps: ArraySlice<TreeStep>) -> JSONValue? {
    var value = root
    for step in steps {
        switch (step, value) {
        case (.element(let index), .array(let elements)) where elements.indices.contains(index):
            value = elements[index]
        case (.member(let index), .object(let object)) where object.members.indices.contains(index):
            value = object.members[index].value
        default:
            return nil
        }
    }
    return value
}

/// The field path of `steps` in `root`, written the way the engine writes paths (`lines[3].hours`).
func fieldPath(_ steps: [TreeStep], in root: JSONValue) -> JSONPath {
    var components: [JSONPath.Component] = []
    var value = root
    for step in steps {
        switch (step, value) {
        case (.element(let index), .array(let elements)):
            components.append(.index(index))
            value = elements[index]
        case (.member(let index), .object(let object)):
            components.append(.key(object.members[index].key))
            value = object.members[index].value
        default:
            preconditionFailure("the steps do not lead through this tree")
        }
    }
    return JSONPath(components)
}

/// A short form of a value for reports, so a 100 KB string does not flood them.
func shortDescription(_ value: JSONValue) -> String {
    let text = JSONWriter.write(value, keyOrder: .asGiven, pretty: false)
    let limit = 80
    guard text.count > limit else { return text }
    return String(text.prefix(limit)) + "… (\(text.utf8.count) bytes)"
}

/// Breaks valid inputs, deterministically from its generator.
struct Mutator {
    /// The source of every choice.
    var random: SplitMix64

    /// The marker a deep structure replaces in the written text.
    private static let deepMarker = "FUZZ-DEEP-NESTING-MARKER"

    /// The seed broken by `mutation`.
    mutating func mutate(_ seed: SeedFile, with mutation: Mutation) -> MutatedInput {
        switch mutation {
        case .typeChange, .removeField, .unknownField, .extremeNumber, .numberAsString, .amountText, .extremeAmount,
             .extremeString, .formulaChange, .arrayChange, .duplicateKey:
            let (tree, description) = mutateTree(seed.tree, with: mutation)
            return MutatedInput(bytes: write(tree), description: description)
        case .stacked:
            var tree = seed.tree
            var descriptions: [String] = []
            for _ in 0..<Int.random(in: 2...6, using: &random) {
                let (mutated, description) = mutateTree(tree, with: Mutation.stackable.randomElement(using: &random)!)
                tree = mutated
                descriptions.append(description)
            }
            return MutatedInput(bytes: write(tree), description: descriptions.joined(separator: "; then "))
        case .deepNesting:
            return deepNesting(seed.tree)
        case .invalidUTF8:
            return invalidUTF8(seed.bytes)
        case .badStringContent:
            return badStringContent(seed.bytes)
        case .truncation:
            let length = Int.random(in: 0..<seed.bytes.count, using: &random)
            return MutatedInput(bytes: Array(seed.bytes[0..<length]), description: "truncated to \(length) of \(seed.bytes.count) bytes")
        case .trailingContent:
            let tails = ["x", "{}", "[]", ",", "}", "]", "null", "\"\"", "0", "\u{0}", "// comment", "/* c */"]
            let tail = tails.randomElement(using: &random)!
            return MutatedInput(bytes: seed.bytes + Array(tail.utf8), description: "\(shortDescription(.string(tail))) after the document")
        case .emptyFile:
            return MutatedInput(bytes: [], description: "an empty file")
        case .whitespaceOnly:
            let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
            let count = Int.random(in: 1...200, using: &random)
            let bytes = (0..<count).map { _ in spaces.randomElement(using: &random)! }
            return MutatedInput(bytes: bytes, description: "\(count) bytes of whitespace")
        case .byteOrderMark:
            return byteOrderMark(seed.bytes)
        case .largeFile:
            return largeFile(seed.tree)
        }
    }

    /// The tree broken once by a tree mutation, and what was done.
    mutating func mutateTree(_ tree: JSONValue, with mutation: Mutation) -> (JSONValue, String) {
        let nodes = treeNodes(tree)
        switch mutation {
        case .typeChange:
            return changeType(tree, nodes.randomElement(using: &random)!)
        case .removeField:
            guard let node = nodes.filter(\.isMember).randomElement(using: &random) else { return mutateTree(tree, with: .typeChange) }
            let path = fieldPath(node.steps, in: tree)
            return (replacingValue(in: tree, at: node.steps[...]) { _ in nil }!, "removed \(path)")
        case .unknownField:
            return addUnknownField(tree, nodes)
        case .extremeNumber:
            return extremeNumber(tree, nodes)
        case .numberAsString:
            guard let node = nodes.filter({ $0.value.numberValue != nil }).randomElement(using: &random),
                  let number = node.value.numberValue else {
                return mutateTree(tree, with: .extremeNumber)
            }
            return replace(tree, node, with: .string(number.text))
        case .amountText:
            return malformedAmount(tree, nodes)
        case .extremeAmount:
            // Amounts that are well formed, so the book loads and pricing has to cope with them.
            guard let node = nodes.filter({ $0.value.stringValue.map(isAmountText) ?? false }).randomElement(using: &random) else {
                return mutateTree(tree, with: .extremeNumber)
            }
            let amounts = ["999999999999.99", "-999999999999.99", "999999999999.00", "500000000000.00", "99999999999.99",
                           "1000000.00", "0.00", "0.01", "-0.01"]
            return replace(tree, node, with: .string(amounts.randomElement(using: &random)!))
        case .extremeString:
            let strings = nodes.filter { $0.value.stringValue != nil }
            let node = strings.randomElement(using: &random) ?? nodes.randomElement(using: &random)!
            return replace(tree, node, with: .string(extremeString()))
        case .formulaChange:
            return changeFormula(tree, nodes)
        case .arrayChange:
            return changeArray(tree, nodes)
        case .duplicateKey:
            return duplicateKey(tree, nodes)
        default:
            preconditionFailure("\(mutation) is not a tree mutation")
        }
    }

    /// Writes a tree as the file's bytes, pretty or compact so both layouts are read. Mostly compact, because
    /// indenting is slow in a debug build and would double the time of a tariff book case.
    private mutating func write(_ tree: JSONValue) -> [UInt8] {
        Array(JSONWriter.write(tree, keyOrder: .asGiven, pretty: Int.random(in: 0..<8, using: &random) == 0).utf8)
    }

    /// The tree with one value replaced, and a description naming the path and the new value.
    private func replace(_ tree: JSONValue, _ node: TreeNode, with value: JSONValue) -> (JSONValue, String) {
        let path = fieldPath(node.steps, in: tree)
        return (replacingValue(in: tree, at: node.steps[...]) { _ in value }!,
                "\(path): \(shortDescription(node.value)) → \(shortDescription(value))")
    }

    /// A value of another type in place of the node's.
    private mutating func changeType(_ tree: JSONValue, _ node: TreeNode) -> (JSONValue, String) {
        let candidates: [JSONValue] = [.null, true, false, 0, 1, "x", "", [], [.null], .object(JSONObject()), ["x": 1]]
        let value = candidates.filter { $0.typeName != node.value.typeName }.randomElement(using: &random)!
        return replace(tree, node, with: value)
    }

    /// A field no reader knows, with a plausible typo, an odd or a very long name.
    private mutating func addUnknownField(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let objects = nodes.filter { $0.value.objectValue != nil }
        guard let node = objects.randomElement(using: &random), let object = node.value.objectValue else {
            return mutateTree(tree, with: .typeChange)
        }
        var keys = ["unknownField", "", "\u{0}", "<script>alert(1)</script>", "__proto__", "Ünïcödé", "key with spaces"]
        if let sibling = object.keys.randomElement(using: &random) {
            keys += [misspelled(sibling), sibling.uppercased(), sibling + "s"]
        }
        // A long name is rare, because the suggestion search compares it with every known field. It is 1 000
        // characters, not 100 000: a name of 100 000 takes seconds, a finding kept in `FindingTests`.
        if Int.random(in: 0..<20, using: &random) == 0 { keys = [String(repeating: "k", count: 1_000)] }
        let key = keys.randomElement(using: &random)!
        let values: [JSONValue] = [.null, true, 1, "x", [], .object(JSONObject())]
        let value = values.randomElement(using: &random)!
        let path = fieldPath(node.steps, in: tree)
        let mutated = replacingValue(in: tree, at: node.steps[...]) { old in
            var object = old.objectValue!
            let position = Int.random(in: 0...object.members.count, using: &random)
            object.members.insert(JSONObject.Member(key: key, value: value), at: position)
            return .object(object)
        }!
        return (mutated, "\(path): added \(shortDescription(.string(key))): \(shortDescription(value))")
    }

    /// A word with two neighbouring letters swapped or one letter dropped, the typos people make.
    private mutating func misspelled(_ word: String) -> String {
        var characters = Array(word)
        guard characters.count >= 2 else { return word + "x" }
        let index = Int.random(in: 0..<(characters.count - 1), using: &random)
        if Bool.random(using: &random) {
            characters.swapAt(index, index + 1)
        } else {
            characters.remove(at: index)
        }
        return String(characters)
    }

    /// A number at or beyond a limit: huge, negative, zero, fractional, or next to a boundary of the engine.
    private mutating func extremeNumber(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let numbers = nodes.filter { $0.value.numberValue != nil }
        let scalars = nodes.filter { !$0.steps.isEmpty && $0.value.arrayValue == nil && $0.value.objectValue == nil }
        guard let node = numbers.randomElement(using: &random) ?? scalars.randomElement(using: &random) else {
            return mutateTree(tree, with: .typeChange)
        }
        var texts = ["1e308", "-1e308", "1E400", "99999999999999999999", "1000000000000000", "-1", "-2025", "0", "-0",
                     "0.5", "2.25", "1.0", "0.0000001", "123456789012345678901234567890.123456789", "9223372036854775807",
                     "9223372036854775808", "-9223372036854775809",
                     "1999", "2000", "2024", "2026", "2999", "3000", "20", "21", "124", "125", "126", "20000", "20001",
                     "5000000", "5000001", "1000", "1001", "10000", "10001", "100000", "100001", "80", "81"]
        if let integer = node.value.numberValue?.int64Value {
            texts += ["\(integer &+ 1)", "\(integer &- 1)", "\(integer &* 1000)", "-\(integer)"]
        }
        return replace(tree, node, with: .number(JSONNumber(text: texts.randomElement(using: &random)!)!))
    }

    /// An amount written the wrong way: as a number, with a comma, in exponent form, empty, with three decimals, out of range.
    private mutating func malformedAmount(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let amounts = nodes.filter { $0.value.stringValue.map(isAmountText) ?? false }
        let numbers = nodes.filter { $0.value.numberValue != nil }
        guard let node = amounts.randomElement(using: &random) ?? numbers.randomElement(using: &random) else {
            return mutateTree(tree, with: .extremeString)
        }
        var values: [JSONValue] = ["12,50", "1e3", "", "12.345", "12.5", "12", "-0.01", "-0.00", "0.00", "999999999999.99",
                                   "1000000000000.00", "-999999999999.99", "99999999999999999999.00", " 12.50", "12.50 ",
                                   "+12.50", "0012.50", "12.50.00", "€ 12,50", "1.000,00", "NaN", "Infinity", "-",
                                   ".50", "12.", "١٢.٥٠", "１２.５０", "0x10.00"]
        if let text = node.value.stringValue, let number = JSONNumber(text: text) {
            values.append(.number(number))
        }
        values.append(.number(JSONNumber(text: "12.50")!))
        return replace(tree, node, with: values.randomElement(using: &random)!)
    }

    /// A string that is empty, very long, or full of characters that need care in messages and documents.
    private mutating func extremeString() -> String {
        // The 100 KB strings are not codes (they have capitals and spaces): a 100 KB code takes seconds to refuse, because
        // the "did you mean" search compares it with every known code, a finding kept in `FindingTests`.
        let strings = ["", " ", String(repeating: "Lorem ipsum ", count: 8_534), String(repeating: "é", count: 50_000),
                       "\u{0}\u{1}\u{1B}[31mred\u{7F}", "line\nbreak\ttab\rreturn", "<script>alert('x')</script>",
                       "\u{202E}gnirts", "e\u{301}", "🦆", " leading", "trailing ", "robuuste-bibliotheek ",
                       "ROBUUSTE-BIBLIOTHEEK", "a--b", "-a", "a-", "\u{FEFF}", "\u{FFFD}", "2025-02-30", "2025-13-01",
                       "0000-01-01", "2025-1-1", "\"quoted\" & 'apostrophe'", "../../etc/passwd", "%s%n"]
        return strings.randomElement(using: &random)!
    }

    /// A derived tariff's formula made malformed, circular, overflowing, or nested and long within what a parser
    /// should take in its stride. Not deeper or longer: 3 000 levels or terms crash the loader, a finding kept in `FindingTests`.
    private mutating func changeFormula(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let formulas = nodes.filter { node in
            guard node.value.stringValue != nil, case .member(let index)? = node.steps.last else { return false }
            let parent = treeValue(tree, at: node.steps.dropLast())
            return parent?.objectValue?.members[index].key == "formula"
        }
        guard let node = formulas.randomElement(using: &random), let formula = node.value.stringValue else {
            return mutateTree(tree, with: .extremeString)
        }
        // The tariff's own id, service code and component code, to make a formula that refers to itself.
        let componentCode = treeValue(tree, at: node.steps.dropLast())?.objectValue?["code"]?.stringValue ?? "onbekend"
        let serviceCode = node.steps.count >= 4 ? treeValue(tree, at: node.steps.dropLast(3))?.objectValue?["code"]?.stringValue : nil
        let ownID = serviceCode.map { "\($0)/\(componentCode)" } ?? componentCode
        let depth = [1, 10, 100, 300].randomElement(using: &random)!
        let terms = [10, 100, 300].randomElement(using: &random)!
        var variants: [String] = []
        // A formula grown once already is not grown again, so stacked mutations stay below the crashing size.
        if formula.count < 100 {
            variants += [String(repeating: "(", count: depth) + formula + String(repeating: ")", count: depth),
                         formula + String(repeating: " + 1", count: terms), formula + String(repeating: " * 2", count: terms)]
        }
        variants += [
            formula + String(repeating: " * 1000000", count: 3),
            "(" + formula, formula + ")", "()", formula + " +", "- " + formula, formula + " - 1000000",
            formula + " - " + formula, "0.0000001 * " + formula, "1e3 * " + formula, formula + " / 2",
            ownID, formula + " + " + ownID, "onbekend-tarief", "uurtarief-mbo-", "uurtarief-mbo-1",
            "16 × uurtarief-mbo", "16*uurtarief-mbo", "", " ", "16 * UURTARIEF-MBO", "16 * uurtarief mbo",
        ]
        return replace(tree, node, with: .string(variants.randomElement(using: &random)!))
    }

    /// An array emptied, with an element duplicated, removed or reversed, or grown past the limits.
    private mutating func changeArray(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let arrays = nodes.filter { !($0.value.arrayValue?.isEmpty ?? true) }
        guard let node = arrays.randomElement(using: &random), let elements = node.value.arrayValue else {
            return mutateTree(tree, with: .typeChange)
        }
        let index = Int.random(in: 0..<elements.count, using: &random)
        var changed = elements
        let action: String
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1:
            changed = []
            action = "emptied"
        case 2:
            changed.insert(elements[index], at: Int.random(in: 0...elements.count, using: &random))
            action = "element \(index) duplicated"
        case 3:
            changed.remove(at: index)
            action = "element \(index) removed"
        case 4:
            changed.reverse()
            action = "reversed"
        default:
            // Past the largest limits (1 000 lines, branches or inhabitant counts), but only for small elements.
            let size = JSONWriter.write(elements[index], pretty: false).utf8.count
            guard size < 2_000 else {
                changed = []
                action = "emptied"
                break
            }
            changed = Array(repeating: elements[index], count: 1_001)
            action = "element \(index) repeated 1001 times"
        }
        let path = fieldPath(node.steps, in: tree)
        return (replacingValue(in: tree, at: node.steps[...]) { _ in .array(changed) }!, "\(path): \(action)")
    }

    /// An object with one of its keys written twice, which the strict reader must refuse.
    private mutating func duplicateKey(_ tree: JSONValue, _ nodes: [TreeNode]) -> (JSONValue, String) {
        let objects = nodes.filter { !($0.value.objectValue?.members.isEmpty ?? true) }
        guard let node = objects.randomElement(using: &random), let object = node.value.objectValue else {
            return mutateTree(tree, with: .unknownField)
        }
        let member = object.members.randomElement(using: &random)!
        let value: JSONValue = Bool.random(using: &random) ? member.value : "duplicate"
        let path = fieldPath(node.steps, in: tree)
        let mutated = replacingValue(in: tree, at: node.steps[...]) { old in
            var object = old.objectValue!
            object.members.insert(JSONObject.Member(key: member.key, value: value),
                                  at: Int.random(in: 0...object.members.count, using: &random))
            return .object(object)
        }!
        return (mutated, "\(path): key \(shortDescription(.string(member.key))) twice")
    }

    /// A value replaced, as text, by arrays or objects nested up to 100 000 levels deep.
    private mutating func deepNesting(_ tree: JSONValue) -> MutatedInput {
        let nodes = treeNodes(tree)
        let node = nodes.randomElement(using: &random)!
        let depth = [99, 100, 101, 1_000, 10_000, 10_000, 100_000].randomElement(using: &random)!
        let (open, close): (String, String)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: (open, close) = ("[", "]")
        case 1: (open, close) = ("{\"a\":", "}")
        default: (open, close) = ("[{\"a\":", "}]")
        }
        let innermost = ["1", "{}", "[]", "\"x\""].randomElement(using: &random)!
        // A truncated deep structure tests that the reader fails early on unclosed nesting too.
        let closes = Bool.random(using: &random)
        let deep = String(repeating: open, count: depth) + innermost + (closes ? String(repeating: close, count: depth) : "")
        let path = fieldPath(node.steps, in: tree)
        let marked = replacingValue(in: tree, at: node.steps[...]) { _ in .string(Self.deepMarker) }!
        let text = JSONWriter.write(marked, keyOrder: .asGiven).replacing("\"\(Self.deepMarker)\"", with: deep)
        return MutatedInput(bytes: Array(text.utf8),
                            description: "\(path): \(depth) levels of \(open)…\(closes ? close : " (never closed)")")
    }

    /// A byte sequence that is not UTF-8, inside a string or anywhere.
    private mutating func invalidUTF8(_ bytes: [UInt8]) -> MutatedInput {
        let sequences: [(String, [UInt8])] = [
            ("0xFF", [0xFF]), ("0xFE", [0xFE]), ("a lone continuation byte", [0x80]),
            ("a truncated two-byte sequence", [0xC3]), ("a truncated three-byte sequence", [0xE2, 0x82]),
            ("a truncated four-byte sequence", [0xF0, 0x9F, 0x98]), ("an overlong '/'", [0xC0, 0xAF]),
            ("an overlong two-byte sequence", [0xC1, 0xBF]), ("an overlong three-byte '/'", [0xE0, 0x80, 0xAF]),
            ("an overlong four-byte '/'", [0xF0, 0x80, 0x80, 0xAF]), ("an encoded surrogate", [0xED, 0xA0, 0x80]),
            ("a code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("a five-byte sequence", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ]
        let (name, sequence) = sequences.randomElement(using: &random)!
        let position = insertionPosition(bytes)
        var mutated = bytes
        mutated.insert(contentsOf: sequence, at: position)
        return MutatedInput(bytes: mutated, description: "\(name) at byte \(position)")
    }

    /// A raw control character or a broken escape inside a string, which strict JSON refuses.
    private mutating func badStringContent(_ bytes: [UInt8]) -> MutatedInput {
        let insertions: [(String, [UInt8])] = [
            ("a raw NUL", [0x00]), ("a raw 0x01", [0x01]), ("a raw 0x1F", [0x1F]), ("a raw line feed", [0x0A]),
            ("a raw tab", [0x09]), ("a raw DEL (allowed)", [0x7F]),
            ("the escape \\ud800 (lone high surrogate)", Array("\\ud800".utf8)),
            ("the escape \\udc00 (lone low surrogate)", Array("\\udc00".utf8)),
            ("the escapes \\ud800\\u0041", Array("\\ud800\\u0041".utf8)), ("the escape \\x41", Array("\\x41".utf8)),
            ("the escape \\u12", Array("\\u12".utf8)), ("the escape \\U0041", Array("\\U0041".utf8)),
            ("the escape \\'", Array("\\'".utf8)), ("the escape \\u0000 (allowed)", Array("\\u0000".utf8)),
            ("a lone backslash", [0x5C]),
        ]
        let (name, insertion) = insertions.randomElement(using: &random)!
        let position = insertionPosition(bytes)
        var mutated = bytes
        mutated.insert(contentsOf: insertion, at: position)
        return MutatedInput(bytes: mutated, description: "\(name) at byte \(position)")
    }

    /// A byte order mark where it is allowed (once, at the start) or where it is not.
    private mutating func byteOrderMark(_ bytes: [UInt8]) -> MutatedInput {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1:
            return MutatedInput(bytes: mark + bytes, description: "a UTF-8 byte order mark at the start (allowed)")
        case 2:
            return MutatedInput(bytes: mark + mark + bytes, description: "two UTF-8 byte order marks at the start")
        case 3:
            let position = insertionPosition(bytes)
            var mutated = bytes
            mutated.insert(contentsOf: mark, at: position)
            return MutatedInput(bytes: mutated, description: "a UTF-8 byte order mark at byte \(position)")
        case 4:
            var utf16: [UInt8] = [0xFF, 0xFE]
            for unit in String(decoding: bytes, as: UTF8.self).utf16 {
                utf16 += [UInt8(truncatingIfNeeded: unit), UInt8(truncatingIfNeeded: unit >> 8)]
            }
            return MutatedInput(bytes: utf16, description: "the whole file in UTF-16LE with its byte order mark")
        default:
            return MutatedInput(bytes: mark, description: "a byte order mark and nothing else")
        }
    }

    /// The seed with 50 MiB of notes, built in one buffer of the final size so it is in memory only once.
    private func largeFile(_ tree: JSONValue) -> MutatedInput {
        let size = 50 * 1024 * 1024
        let marker = "FUZZ-LARGE-FILE-MARKER"
        var object = tree.objectValue ?? JSONObject()
        object.set("notes", .string(marker))
        let text = JSONWriter.write(.object(object), keyOrder: .asGiven)
        let range = text.firstRange(of: marker)!
        let prefix = Array(text[..<range.lowerBound].utf8)
        let suffix = Array(text[range.upperBound...].utf8)
        let filler = Array("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        bytes += prefix
        while bytes.count + filler.count + suffix.count <= size { bytes += filler }
        bytes += repeatElement(UInt8(ascii: "."), count: size - bytes.count - suffix.count)
        bytes += suffix
        return MutatedInput(bytes: bytes, description: "notes of \(size - prefix.count - suffix.count) bytes, \(size) bytes in all")
    }

    /// A position just inside a string (after a quote) most of the time, otherwise anywhere, so both paths of the reader are hit.
    private mutating func insertionPosition(_ bytes: [UInt8]) -> Int {
        let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
        if !quotes.isEmpty, Int.random(in: 0..<10, using: &random) < 7 {
            return quotes.randomElement(using: &random)! + 1
        }
        return Int.random(in: 0...bytes.count, using: &random)
    }
}

/// Whether a string is written like an amount in a file: digits, a dot and two decimals, perhaps negative.
func isAmountText(_ text: String) -> Bool {
    let bytes = Array(text.utf8.drop { $0 == UInt8(ascii: "-") })
    guard bytes.count >= 4, bytes[bytes.count - 3] == UInt8(ascii: ".") else { return false }
    return bytes.enumerated().allSatisfy { index, byte in
        index == bytes.count - 3 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
