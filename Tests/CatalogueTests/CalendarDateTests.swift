import Catalogue
import Testing
import Support

/// Day arithmetic on calendar dates: total, exact across months, leap years and centuries, and
/// nil (never a trap) outside years 1 to 9999.
@Suite("calendar dates")
struct CalendarDateTests {
    @Test("every day from 1999 to 2101 follows the one before it")
    func successors() throws {
        var date = try #require(CalendarDate(year: 1999, month: 1, day: 1))
        var number = date.dayNumber
        while date.year <= 2100 {
            let next = try #require(date.adding(days: 1))
            #expect(next.dayNumber == number + 1)
            #expect(CalendarDate(dayNumber: number + 1) == next)
            let sameMonth = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
            let expected = sameMonth ?? CalendarDate(year: date.month == 12 ? date.year + 1 : date.year, month: date.month % 12 + 1, day: 1)
            #expect(next == expected, "after \(date)")
            date = next
            number += 1
        }
    }

    @Test("known distances and the edges of the calendar")
    func edges() throws {
        let start = try #require(CalendarDate(year: 2025, month: 11, day: 21))
        #expect(start.adding(days: 60)?.description == "2026-01-20")
        #expect(start.adding(days: -365)?.description == "2024-11-21")
        #expect(CalendarDate(year: 2024, month: 2, day: 28)?.adding(days: 1)?.description == "2024-02-29")
        #expect(CalendarDate(year: 2100, month: 2, day: 28)?.adding(days: 1)?.description == "2100-03-01")
        #expect(CalendarDate(year: 2000, month: 2, day: 28)?.adding(days: 1)?.description == "2000-02-29")
        #expect(CalendarDate(year: 1, month: 1, day: 1)?.dayNumber == 0)
        #expect(CalendarDate(year: 9999, month: 12, day: 31)?.adding(days: 1) == nil)
        #expect(CalendarDate(year: 1, month: 1, day: 1)?.adding(days: -1) == nil)
        #expect(start.adding(days: Int.max) == nil)
        #expect(start.adding(days: Int.min) == nil)
        #expect(CalendarDate(dayNumber: -1) == nil)
    }
}
