import Catalogue
import JSON
import Testing
import TestSupport
import Support

/// The 2025 book of the fixtures (`Tests/Fixtures/tariffs/2025.json`), loaded once.
let book2025: TariffBook = {
    do {
        return try TariffBookLoader.load(file: fixtureTariffsDirectory + "/2025.json", expectedYear: 2025)
    } catch {
        fatalError("Tests/Fixtures/tariffs/2025.json does not load: \(error)")
    }
}()

extension JSONValue {
    /// A copy with the value at `path` replaced (or removed, when `newValue` is nil).
    func replacing(_ path: [JSONPath.Component], with newValue: JSONValue?) -> JSONValue {
        guard let first = path.first else { return newValue ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.object(var object), .key(let key)):
            if rest.isEmpty, newValue == nil {
                object.members.removeAll { $0.key == key }
            } else {
                object.set(key, (object[key] ?? .object(JSONObject())).replacing(rest, with: newValue))
            }
            return .object(object)
        case (.array(var elements), .index(let index)):
            if rest.isEmpty, newValue == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].replacing(rest, with: newValue)
            }
            return .array(elements)
        default:
            return self
        }
    }
}

/// Parses a path written like `services[0].components[1].amount`.
func pathComponents(_ text: String) -> [JSONPath.Component] {
    var components: [JSONPath.Component] = []
    var current = ""
    var index = text.startIndex
    func flush() {
        if !current.isEmpty { components.append(.key(current)); current = "" }
    }
    while index < text.endIndex {
        let character = text[index]
        if character == "." {
            flush()
        } else if character == "[" {
            flush()
            let close = text[index...].firstIndex(of: "]")!
            components.append(.index(Int(text[text.index(after: index)..<close])!))
            index = close
        } else {
            current.append(character)
        }
        index = text.index(after: index)
    }
    flush()
    return components
}

/// Loads a book from a JSON value and returns its diagnostics (empty when it loads).
func diagnostics(of value: JSONValue, file: String = "test.json") -> [Diagnostic] {
    let text = JSONWriter.write(value)
    do {
        _ = try TariffBookLoader.load(bytes: Array(text.utf8), file: file)
        return []
    } catch {
        switch error {
        case .invalid(let diagnostics): return diagnostics
        case .cannotRead(let file, let reason): return [Diagnostic(file: file, path: .root, message: reason)]
        case .missingAssumption(_, let message): return [Diagnostic(file: "(assumptions)", path: .root, message: message)]
        }
    }
}
