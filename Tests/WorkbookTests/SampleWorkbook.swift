@testable import Workbook

/// A day that the test knows to exist.
func day(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDay {
    try CalendarDay(year: year, month: month, day: day)
}

/// The columns of finance's offer lines: every kind of cell once.
let lineColumns = [
    Column("Gemeente", kind: .text), Column("Dienst", kind: .text, width: 30), Column("Jaar", kind: .year),
    Column("Bedrag", kind: .amount), Column("Indexatie", kind: .percentage), Column("Ingangsdatum", kind: .date),
    Column("Uren", kind: .decimal(places: 1)), Column("Jaarlijks", kind: .boolean),
]

/// A workbook like the one finance gets: offer lines with a total row, notes with hostile text,
/// and the extremes of every number.
func sampleWorkbook(created: CalendarDay? = nil) throws -> Workbook {
    var lines = try Sheet(name: "Regels", columns: lineColumns)
    try lines.append([
        .text("Midden-Drenthe"), .text("Robuuste bibliotheek"), .integer(2026), .amount(cents: 123_456),
        .percentage(units: 375, scale: 2), .date(day(2026, 1, 1)), .decimal(units: 405, scale: 1), .boolean(true),
    ])
    try lines.append([
        .text("Midden-Drenthe"), .text("dBos PO"), .integer(2026), .amount(cents: 30),
        .percentage(units: -21, scale: 1), .date(day(2999, 12, 31)), .decimal(units: 0, scale: 0), .boolean(false),
    ])
    try lines.append([.text("Aa en Hunze"), .text("Maatwerk"), .integer(2027), .amount(cents: -1), .empty, .date(day(1900, 3, 1))])
    try lines.append([.text("Totaal"), .empty, .empty, .amount(cents: 123_485)], isTotal: true)
    var notes = try Sheet(name: "Toelichting & 'n noot", columns: [Column("Tekst", kind: .text, width: 60)])
    for text in hostileTexts { try notes.append([.text(text)]) }
    var extremes = try Sheet(name: "Grenzen", columns: [Column("Centen", kind: .amount), Column("Geheel", kind: .integer)])
    for cents in [-1, 0, 5, 123_456_789_012, Int64.max, Int64.min] as [Int64] {
        try extremes.append([.amount(cents: cents), .integer(cents)])
    }
    let properties = DocumentProperties(title: "Offerteregels 2026", creator: "Financiën", created: created, application: "catalogue")
    return try Workbook(sheets: [lines, notes, extremes], properties: properties)
}

/// The text of one part of a workbook's package.
func part(_ name: String, of workbook: Workbook) throws -> String {
    let archive = try WorkbookPackage(workbook: workbook).archive()
    guard let entry = archive.entries.first(where: { $0.name == name }) else { return "" }
    return String(decoding: entry.bytes, as: UTF8.self)
}
