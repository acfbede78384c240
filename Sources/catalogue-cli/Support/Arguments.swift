import Catalogue
import Support

/// The static description of a command: its name, what it does, its options.
struct CommandInfo: Sendable {
    /// The words that invoke it, e.g. `["tariffs", "validate"]`.
    var path: [String]
    /// One line saying what it does.
    var abstract: String
    /// The positional arguments, as shown in the usage line (`<code>`, `[<file>]`).
    var positionals: [Positional] = []
    /// The options it takes.
    var options: [OptionInfo] = []
    /// Longer help shown under the usage line.
    var discussion: String? = nil
    /// Subcommands, for a command that only groups others.
    var subcommands: [CommandInfo] = []

    /// `catalogue-cli services`.
    var fullName: String { (["catalogue-cli"] + path).joined(separator: " ") }

    /// The usage line.
    var usage: String {
        if !subcommands.isEmpty && positionals.isEmpty { return "\(fullName) <subcommand> [<options>]" }
        var parts = [fullName]
        parts += positionals.map { positional in
            let name = positional.variadic ? "<\(positional.name)> ..." : "<\(positional.name)>"
            return positional.optional ? "[\(name)]" : name
        }
        parts += options.map { option in
            var text = option.valueName.map { "\(option.name) <\($0)>" } ?? option.name
            if option.repeatable { text += " ..." }
            return option.required ? text : "[\(text)]"
        }
        return parts.joined(separator: " ")
    }

    /// How to ask for this command's help.
    var helpCommand: String { "\(fullName) --help" }

    /// The full `--help` text.
    var help: String {
        var text = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n"
        if let discussion { text += "\n\(discussion)\n" }
        if !positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            let width = positionals.map { $0.name.count + 2 }.max() ?? 0
            for positional in positionals {
                text += "  " + pad("<\(positional.name)>", width) + "  \(positional.help)\n"
            }
        }
        if !subcommands.isEmpty {
            text += "\nSUBCOMMANDS:\n"
            let width = subcommands.map { $0.path.last!.count }.max() ?? 0
            for subcommand in subcommands {
                text += "  " + pad(subcommand.path.last!, width) + "  \(subcommand.abstract)\n"
            }
            text += "\n  See '\(fullName) <subcommand> --help' for the options of each.\n"
        }
        let allOptions = options + [OptionInfo(name: "--help", help: "Show this help.")]
        text += "\nOPTIONS:\n"
        let labels = allOptions.map { option in option.valueName.map { "\(option.name) <\($0)>" } ?? option.name }
        let width = labels.map(\.count).max() ?? 0
        for (label, option) in zip(labels, allOptions) {
            text += "  " + pad(label, width) + "  \(option.help)\n"
        }
        return text
    }
}

/// A positional argument.
struct Positional: Sendable {
    var name: String
    var help: String
    var optional: Bool = false
    /// Whether it takes one or more values (only the last positional).
    var variadic: Bool = false
}

/// An option: a flag, or a name that takes a value.
struct OptionInfo: Sendable {
    /// `--year`.
    var name: String
    /// The value's placeholder (`year`), or nil for a flag.
    var valueName: String? = nil
    /// What it does, with its default.
    var help: String
    /// Whether the command cannot run without it (shown without brackets in the usage line).
    var required: Bool = false
    /// Whether it may be given more than once (its values are collected in order).
    var repeatable: Bool = false
}

/// Arguments after parsing against a `CommandInfo`.
struct ParsedArguments {
    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// Every value of a repeatable option, in order, each split at commas (`--require a,b`).
    fileprivate func list(_ name: String) -> [String] {
        (lists[name] ?? []).flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// Parses `arguments` for `command`: `--name value`, `--name=value`, flags, positionals.
/// Throws a usage error that names the offending argument.
func parseArguments(_ arguments: [String], for command: CommandInfo) throws(CLIError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
        let argument = arguments[index]
        index += 1
        if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            onlyPositionals = true
            continue
        }
        var name = argument
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }
        guard let option = command.options.first(where: { $0.name == name }) else {
            let names = command.options.map(\.name) + ["--help"]
            var message = "unknown option '\(name)'"
            if let hint = didYouMean(suggestions(for: name, among: names), quote: "'") { message += "; " + hint }
            throw .usage(message, command: command)
        }
        if let valueName = option.valueName {
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("missing value for '\(name) <\(valueName)>'", command: command)
            }
            if option.repeatable {
                parsed.lists[name, default: []].append(value)
                continue
            }
            if parsed.values[name] != nil {
                throw .usage("'\(name)' is given more than once", command: command)
            }
            parsed.values[name] = value
        } else {
            if inlineValue != nil {
                throw .usage("'\(name)' takes no value", command: command)
            }
            parsed.flags.insert(name)
        }
    }
    let required = command.positionals.filter { !$0.optional }.count
    if parsed.positionals.count < required {
        let missing = command.positionals[parsed.positionals.count]
        throw .usage("missing argument <\(missing.name)>", command: command)
    }
    if parsed.positionals.count > command.positionals.count, command.positionals.last?.variadic != true {
        throw .usage("unexpected argument '\(parsed.positionals[command.positionals.count])'", command: command)
    }
    return parsed
}

/// Pads `text` with spaces to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? text : text + String(repeating: " ", count: width - count)
}

/// Pads `text` on the left to `width` characters.
func padLeft(_ text: String, _ width: Int) -> String {
    let count = text.count
    return count >= width ? text : String(repeating: " ", count: width - count) + text
}


/// An option declared once, with the type its value converts to. The command lists its `info`
/// for help and parsing, and reads the typed value back with `arguments.value(option)`.
struct Option<Value: ArgumentValue>: Sendable {
    var info: OptionInfo

    init(_ name: String, valueName: String, help: String, required: Bool = false, repeatable: Bool = false) {
        info = OptionInfo(name: name, valueName: valueName, help: help, required: required, repeatable: repeatable)
    }

    /// The typed reading of an option described elsewhere (shared options keep one description).
    init(_ info: OptionInfo) {
        self.info = info
    }

    var name: String { info.name }
}

/// A flag declared once.
struct Flag: Sendable {
    var info: OptionInfo

    init(_ name: String, help: String) {
        info = OptionInfo(name: name, help: help)
    }

    var name: String { info.name }
}

extension ParsedArguments {
    /// The typed value of `option`, or nil when it is not given; a value that does not convert is
    /// a usage error naming the option, the value and what was expected.
    func value<Value>(_ option: Option<Value>, command: CommandInfo) throws(CLIError) -> Value? {
        guard let text = values[option.name] else { return nil }
        return try convert(text, for: option, command: command)
    }

    /// The typed value of a required option.
    func required<Value>(_ option: Option<Value>, command: CommandInfo, why: String = "") throws(CLIError) -> Value {
        guard let value = try value(option, command: command) else {
            throw .usage("missing '\(option.name) <\(option.info.valueName ?? "value")>'" + (why.isEmpty ? "" : ": \(why)"), command: command)
        }
        return value
    }

    /// Every value of a repeatable option, each split at commas, typed.
    func values<Value>(_ option: Option<Value>, command: CommandInfo) throws(CLIError) -> [Value] {
        var result: [Value] = []
        for text in list(option.name) { result.append(try convert(text, for: option, command: command)) }
        return result
    }

    /// Whether a declared option was given at all (whatever its value).
    func isGiven(_ option: OptionInfo) -> Bool { values[option.name] != nil || lists[option.name] != nil }

    /// Whether a declared flag was given.
    func flag(_ flag: Flag) -> Bool { flags.contains(flag.name) }

    /// The positional argument at `index`, typed; `name` is its placeholder in the usage line.
    func positional<Value: ArgumentValue>(_ index: Int, as type: Value.Type, name: String, command: CommandInfo) throws(CLIError) -> Value? {
        guard index < positionals.count else { return nil }
        let text = positionals[index]
        guard let value = Value.convert(text) else {
            throw .usage("<\(name)> expects \(Value.expectation), found '\(ArgumentText.shown(text))'", command: command)
        }
        return value
    }

    private func convert<Value>(_ text: String, for option: Option<Value>, command: CommandInfo) throws(CLIError) -> Value {
        guard let value = Value.convert(text) else {
            throw .usage("'\(option.name)' expects \(Value.expectation), found '\(ArgumentText.shown(text))'", command: command)
        }
        return value
    }
}

/// How a user's argument is quoted back in a message: control and direction-changing characters
/// escaped (`\u{0}`, `\u{202e}`), long text cut.
enum ArgumentText {
    static func shown(_ text: String) -> String {
        let result = escaped(text.unicodeScalars.prefix(60), keepingNewlines: false)
        return text.unicodeScalars.count > 60 ? result + "…" : result
    }

    /// A whole message with its line breaks kept and every other control character escaped.
    static func escapingControlCharacters(_ message: String) -> String {
        escaped(message.unicodeScalars[...], keepingNewlines: true)
    }

    private static func escaped(_ scalars: Substring.UnicodeScalarView.SubSequence, keepingNewlines: Bool) -> String {
        var result = ""
        for scalar in scalars {
            let value = scalar.value
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if isControl && !(keepingNewlines && scalar == "\n") {
                result += "\\u{\(String(value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// A command to suggest to the user, carrying the options they gave that the suggestion needs
/// (`--db`, `--tariffs`), quoted for a POSIX shell, so it runs as printed.
enum Hint {
    /// `words` as a command, followed by the option words of the user's choices it must carry
    /// (`StoreSelection.hintWords`, `BookSelection.hintWords`), each value quoted for the shell.
    static func command(_ words: [String], carrying choices: [[String]]) -> String {
        var parts = ["catalogue-cli"] + words
        for choice in choices {
            for (index, word) in choice.enumerated() { parts.append(index % 2 == 0 ? word : shellQuoted(word)) }
        }
        return parts.joined(separator: " ")
    }

    /// `value` as one shell word: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ value: String) -> String {
        let plain = !value.isEmpty && value.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || "-_./:=,+@%".unicodeScalars.contains($0)
        }
        return plain ? value : "'" + value.replacing("'", with: "'\\''") + "'"
    }
}
