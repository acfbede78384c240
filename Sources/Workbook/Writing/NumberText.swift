/// Numbers as the decimal text a cell's `<v>` holds, made from integers digit by digit, so an
/// amount of 30 cents is `0.30` and never `0.30000000000000004`.
enum NumberText {
    /// `units / 10^scale` with exactly `scale` decimals and a leading minus when negative:
    /// (-1, 2) is `-0.01`, (5, 2) is `0.05`, (Int64.min, 2) is `-92233720368547758.08`.
    static func decimal(units: Int64, scale: Int) -> String {
        // The magnitude is unsigned, so Int64.min has one too; negating it would trap.
        var digits = String(units.magnitude)
        guard scale > 0 else { return units < 0 ? "-" + digits : digits }
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale + 1 - digits.count) + digits
        }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        return units < 0 ? "-" + digits : digits
    }

    /// Cents as euros with two decimals.
    static func amount(cents: Int64) -> String {
        decimal(units: cents, scale: 2)
    }
}

/// A1-style references.
enum CellReference {
    /// The letters of a column from its zero-based index: 0 is `A`, 25 `Z`, 26 `AA`, 16383 `XFD`.
    static func columnName(_ index: Int) -> String {
        var remaining = index + 1  // bijective base 26: there is no zero digit
        var letters: [Unicode.Scalar] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Unicode.Scalar(UInt8(65 + digit)))
            remaining = (remaining - 1) / 26
        }
        var name = ""
        name.unicodeScalars.append(contentsOf: letters.reversed())
        return name
    }

    /// The reference of a cell from its zero-based column and its one-based row: `C5`.
    static func name(column: Int, row: Int) -> String {
        columnName(column) + String(row)
    }
}
