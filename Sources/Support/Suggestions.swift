/// The candidates a user most likely meant when typing `word`: those that start with it, else
/// those nearest by edit distance (a swap of two neighbouring letters counts as one edit), if
/// close enough to be a typo. At most three, sorted; empty when nothing is close.
public func suggestions(for word: String, among candidates: [String]) -> [String] {
    // Nobody mistypes a 65-character code; and the edit distance grows with the square of the length.
    guard word.utf8.count <= 64 else { return [] }
    let unique = Set(candidates).sorted()
    if word.count >= 2 {
        let prefixed = unique.filter { $0.hasPrefix(word) && $0 != word }
        if !prefixed.isEmpty { return Array(prefixed.prefix(3)) }
    }
    let limit = max(1, (word.count + 1) / 3)
    let characters = Array(word)
    let scored = unique.map { ($0, editDistance(characters, Array($0))) }.filter { $0.1 <= limit }
    guard let best = scored.map(\.1).min() else { return [] }
    return Array(scored.filter { $0.1 == best }.map(\.0).prefix(3))
}

/// "did you mean "a" or "b"?" for a message, or nil when there is nothing to suggest.
public func didYouMean(_ suggestions: [String], quote: String = "\"") -> String? {
    guard let last = suggestions.last else { return nil }
    let quoted = suggestions.map { quote + $0 + quote }
    let list = suggestions.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quote + last + quote
    return "did you mean \(list)?"
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring characters each count as one edit.
func editDistance(_ left: [Character], _ right: [Character]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var table = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
    for i in 0...left.count { table[i][0] = i }
    for j in 0...right.count { table[0][j] = j }
    for i in 1...left.count {
        for j in 1...right.count {
            let cost = left[i - 1] == right[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[left.count][right.count]
}
