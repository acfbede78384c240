/// A calendar date without a time or a time zone (`2026-01-15`), as used for reference dates of
/// inhabitant counts and for dates passed on the command line. The tool never reads the clock.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 28, 29, 30 or 31.
    public let day: Int

    /// Creates a date; nil when the day does not exist (2025-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1 January of a year.
    public static func firstOfJanuary(_ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 1, day: 1)!
    }

    /// 31 December of a year.
    public static func lastOfDecember(_ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 12, day: 31)!
    }

    /// Parses the ISO form `YYYY-MM-DD`, and nothing else.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether a year has 29 February (Gregorian rules).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// `2026-01-15`.
    public var description: String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
        let year = String(self.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + month + "-" + day
    }

    /// The Dutch form used in documents: `1 januari 2026`.
    public var dutchString: String {
        "\(day) \(CalendarDate.dutchMonths[month - 1]) \(year)"
    }

    private static let dutchMonths = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// The number of days since 1 January of year 1 (which is day 0), in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        let previousYears = year - 1
        var days = previousYears * 365 + previousYears / 4 - previousYears / 100 + previousYears / 400
        for earlierMonth in 1..<month { days += CalendarDate.daysIn(month: earlierMonth, year: year) }
        return days + day - 1
    }

    /// The date of a day number; nil outside years 1 to 9999.
    public init?(dayNumber: Int) {
        guard dayNumber >= 0, dayNumber <= CalendarDate(year: 9999, month: 12, day: 31)!.dayNumber else { return nil }
        // Estimate the year from the mean year length, then correct by at most one or two.
        var year = min(9999, max(1, dayNumber * 400 / 146_097 + 1))
        while CalendarDate.firstOfJanuary(year).dayNumber > dayNumber { year -= 1 }
        while year < 9999, CalendarDate.firstOfJanuary(year + 1).dayNumber <= dayNumber { year += 1 }
        var remaining = dayNumber - CalendarDate.firstOfJanuary(year).dayNumber
        var month = 1
        while remaining >= CalendarDate.daysIn(month: month, year: year) {
            remaining -= CalendarDate.daysIn(month: month, year: year)
            month += 1
        }
        self.init(year: year, month: month, day: remaining + 1)
    }

    /// The date `days` later (earlier when negative); nil when it falls outside years 1 to 9999.
    public func adding(days: Int) -> CalendarDate? {
        let (target, overflowed) = dayNumber.addingReportingOverflow(days)
        return overflowed ? nil : CalendarDate(dayNumber: target)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
