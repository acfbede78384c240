import JSON
import Testing

/// A path and how it must be written.
struct PathDescription: Sendable, CustomTestStringConvertible {
    let path: JSONPath
    let expected: String

    var testDescription: String { expected }
}

let pathDescriptions: [PathDescription] = [
    PathDescription(path: .root, expected: "$"),
    PathDescription(path: .root.appending("lines"), expected: "lines"),
    PathDescription(path: .root.appending("lines").appending(index: 3).appending("branches").appending(index: 0), expected: "lines[3].branches[0]"),
    PathDescription(
        path: .root.appending("services").appending(index: 2).appending("components").appending(index: 0).appending("amount"),
        expected: "services[2].components[0].amount"
    ),
    PathDescription(path: .root.appending("tiers").appending("a b"), expected: #"tiers["a b"]"#),
    PathDescription(path: .root.appending(index: 0).appending("code"), expected: "[0].code"),
    PathDescription(path: .root.appending(index: 0).appending(index: 12), expected: "[0][12]"),
    PathDescription(path: .root.appending("a").appending("b").appending("c"), expected: "a.b.c"),
    PathDescription(path: .root.appending("price-per-hour").appending("_internal"), expected: "price-per-hour._internal"),
    PathDescription(path: .root.appending("tier2"), expected: "tier2"),
    PathDescription(path: .root.appending("2nd"), expected: #"["2nd"]"#),
    PathDescription(path: .root.appending(""), expected: #"[""]"#),
    PathDescription(path: .root.appending("a").appending(""), expected: #"a[""]"#),
    PathDescription(path: .root.appending(#"say "hi""#), expected: #"["say \"hi\""]"#),
    PathDescription(path: .root.appending("back\\slash"), expected: #"["back\\slash"]"#),
    PathDescription(path: .root.appending("line\nbreak"), expected: #"["line\nbreak"]"#),
    PathDescription(path: .root.appending("bell\u{7}"), expected: #"["bell\u0007"]"#),
    PathDescription(path: .root.appending("café"), expected: #"["café"]"#),
    PathDescription(path: .root.appending("a.b"), expected: #"["a.b"]"#),
    PathDescription(path: .root.appending("x").appending("y z").appending(index: 1).appending("w"), expected: #"x["y z"][1].w"#),
]

@Suite("Paths")
struct PathTests {
    @Test("descriptions", arguments: pathDescriptions)
    func describes(_ testCase: PathDescription) {
        #expect(testCase.path.description == testCase.expected)
    }

    @Test("appending builds components outermost first and leaves the original unchanged")
    func appending() {
        let base = JSONPath.root.appending("lines")
        let extended = base.appending(index: 2).appending("code")
        #expect(base.components == [.key("lines")])
        #expect(extended.components == [.key("lines"), .index(2), .key("code")])
        #expect(extended == JSONPath([.key("lines"), .index(2), .key("code")]))
        #expect(JSONPath.root.components.isEmpty)
    }

    @Test("paths are hashable by their components")
    func hashable() {
        let paths: Set<JSONPath> = [.root.appending("a"), JSONPath([.key("a")]), .root.appending(index: 0)]
        #expect(paths.count == 2)
    }
}
