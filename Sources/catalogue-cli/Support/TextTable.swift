/// A plain-text table with aligned columns, for output meant for people.
struct TextTable {
    enum Alignment { case left, right }

    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ alignments: [Alignment]) {
        self.alignments = alignments
    }

    /// Adds a row; missing cells are empty.
    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The column widths in characters.
    var widths: [Int] {
        alignments.indices.map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
    }

    /// Renders every row, columns separated by two spaces, with `indent` before each line and
    /// no trailing spaces.
    func render(indent: String = "", widths fixed: [Int]? = nil) -> [String] {
        let widths = fixed ?? self.widths
        return rows.map { row in
            var line = indent
            for column in alignments.indices {
                let cell = column < row.count ? row[column] : ""
                if column > 0 { line += "  " }
                line += alignments[column] == .left ? pad(cell, widths[column]) : padLeft(cell, widths[column])
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// "1 year", "3 years".
func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
}

/// Splits text into lines of at most `width` characters at spaces.
func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if !current.isEmpty && current.count + 1 + word.count > width {
            lines.append(current)
            current = ""
        }
        current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

extension String {
    /// The string without `character` at either end.
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
