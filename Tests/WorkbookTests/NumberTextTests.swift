import Testing
@testable import Workbook

@Suite("Numbers and dates are written exactly, from integers")
struct NumberTextTests {
    @Test(
        "Cents become euros with exactly two decimals",
        arguments: [
            (-1, "-0.01"), (0, "0.00"), (5, "0.05"), (30, "0.30"), (-99, "-0.99"), (100, "1.00"), (-100, "-1.00"),
            (123_456, "1234.56"), (123_456_789_012, "1234567890.12"), (-123_456_789_012, "-1234567890.12"),
            (Int64.max, "92233720368547758.07"), (Int64.min, "-92233720368547758.08"),
        ] as [(Int64, String)]
    )
    func amounts(cents: Int64, text: String) throws {
        #expect(NumberText.amount(cents: cents) == text)
        var sheet = try Sheet(name: "S", columns: [Column("Bedrag", kind: .amount)])
        try sheet.append([.amount(cents: cents)])
        #expect(try part("xl/worksheets/sheet1.xml", of: Workbook(sheets: [sheet])).contains("<c r=\"A2\" s=\"1\"><v>\(text)</v></c>"))
    }

    @Test(
        "Decimals and percentages keep every digit",
        arguments: [
            (0, 0, "0"), (7, 0, "7"), (-7, 0, "-7"), (25, 1, "2.5"), (5, 3, "0.005"), (-5, 3, "-0.005"),
            (1, 18, "0.000000000000000001"), (Int64.min, 18, "-9.223372036854775808"), (Int64.max, 20, "0.09223372036854775807"),
        ] as [(Int64, Int, String)]
    )
    func decimals(units: Int64, scale: Int, text: String) {
        #expect(NumberText.decimal(units: units, scale: scale) == text)
    }

    @Test("A percentage is written as its fraction, a boolean as 1 or 0, an integer as it is")
    func otherCells() throws {
        var sheet = try Sheet(name: "S", columns: [
            Column("P", kind: .percentage), Column("B", kind: .boolean), Column("I", kind: .integer), Column("D", kind: .decimal(places: 3)),
        ])
        try sheet.append([.percentage(units: 375, scale: 2), .boolean(true), .integer(Int64.min), .decimal(units: 12_345, scale: 2)])
        try sheet.append([.percentage(units: -100, scale: 0), .boolean(false), .integer(Int64.max), .decimal(units: -1, scale: 0)])
        let xml = try part("xl/worksheets/sheet1.xml", of: Workbook(sheets: [sheet]))
        for cell in ["<v>0.0375</v>", "t=\"b\"><v>1</v>", "<v>-9223372036854775808</v>", "<v>123.45</v>",
                     "<v>-1.00</v>", "t=\"b\"><v>0</v>", "<v>9223372036854775807</v>", "<v>-1</v>"] {
            #expect(xml.contains(cell), "\(cell) missing")
        }
        #expect(try part("xl/styles.xml", of: Workbook(sheets: [sheet])).contains("formatCode=\"#,##0.000\""))
    }

    @Test(
        "Dates become Excel's serial numbers, counted from 1899-12-30",
        arguments: [
            (1900, 3, 1, 61), (1900, 12, 31, 366), (1970, 1, 1, 25_569), (2000, 2, 29, 36_585), (2024, 2, 29, 45_351),
            (2026, 1, 1, 46_023), (2999, 12, 31, 401_768), (9999, 12, 31, 2_958_465),
        ]
    )
    func serials(year: Int, month: Int, dayOfMonth: Int, serial: Int) throws {
        let date = try day(year, month, dayOfMonth)
        #expect(date.excelSerial == serial)
        var sheet = try Sheet(name: "S", columns: [Column("Datum", kind: .date)])
        try sheet.append([.date(date)])
        #expect(try part("xl/worksheets/sheet1.xml", of: Workbook(sheets: [sheet])).contains("<v>\(serial)</v>"))
    }

    @Test("The day numbers agree with a day-by-day count over four centuries")
    func dayByDay() throws {
        var expected = try day(1900, 3, 1).dayNumber
        var mismatches: [CalendarDay] = []
        for year in 1900...2300 {
            for month in 1...12 {
                for dayOfMonth in 1...CalendarDay.daysIn(month: month, year: year) where (year, month) >= (1900, 3) {
                    let date = try day(year, month, dayOfMonth)
                    if date.dayNumber != expected { mismatches.append(date) }
                    expected += 1
                }
            }
        }
        #expect(mismatches.isEmpty)
        #expect(expected - (try day(1900, 3, 1).dayNumber) == 146_097 + 365 - 59)
        #expect(try day(1970, 1, 1).dayNumber == 0)
    }
}
