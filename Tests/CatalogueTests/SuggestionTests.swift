import Catalogue
import Testing
import Support

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test("typos, swaps, prefixes and ties", arguments: [
        ("amout", ["amount", "basis", "name"], ["amount"]),
        ("--yaer", ["--year", "--tier", "--format"], ["--year"]),
        ("dbos", ["dbos-po", "dbos-vo", "ido"], ["dbos-po", "dbos-vo"]),
        ("servics", ["services", "service", "tariffs"], ["service", "services"]),
        ("xyz", ["amount", "basis"], []),
    ])
    func suggest(word: String, candidates: [String], expected: [String]) {
        #expect(suggestions(for: word, among: candidates) == expected)
    }

    @Test("the hint lists one, two or three candidates")
    func hint() {
        #expect(didYouMean([]) == nil)
        #expect(didYouMean(["a"]) == "did you mean \"a\"?")
        #expect(didYouMean(["a", "b"], quote: "'") == "did you mean 'a' or 'b'?")
        #expect(didYouMean(["a", "b", "c"], quote: "'") == "did you mean 'a', 'b' or 'c'?")
    }
}
