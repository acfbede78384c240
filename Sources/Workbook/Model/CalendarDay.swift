/// A calendar day without a time or a time zone, as a date cell and a document date hold it.
/// The proleptic Gregorian calendar, years 1 to 9999.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Creates a day; refuses one that does not exist (2025-02-29) or lies outside years 1 to 9999.
    public init(year: Int, month: Int, day: Int) throws(WorkbookError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else {
            throw .invalidDate(year: year, month: month, day: day)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2026-01-15`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The earliest day Excel's serial numbers give right: serial 61. Before it Excel counts a
    /// 29 February 1900, so earlier days would show one day off.
    static let firstExcelDay = try! CalendarDay(year: 1900, month: 3, day: 1)

    /// Excel's serial number: the days since 30 December 1899, so 1900-03-01 is 61 and
    /// 2026-01-01 is 46023. Integer arithmetic only.
    var excelSerial: Int {
        dayNumber - CalendarDay.excelEpochDayNumber
    }

    /// The day number of 1899-12-30, Excel's day 0 for every day from 1900-03-01 on.
    private static let excelEpochDayNumber = try! CalendarDay(year: 1899, month: 12, day: 30).dayNumber

    /// Days since 1970-01-01 (negative before), by counting eras of 400 years from 1 March, when
    /// the leap day is the last day of the year.
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year  // 0 to 9999: never negative
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days in a month of a year.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
