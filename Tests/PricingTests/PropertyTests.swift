import Catalogue
import JSON
import Money
import Pricing
import Testing

/// A small deterministic random generator (SplitMix64), so every run checks the same cases.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random but valid profile and offer.
struct RandomCase {
    var profile: JSONObject
    var lines: [JSONObject]
    var firstYear: Int
    var years: Int

    func offer(_ lines: [JSONObject]) -> JSONValue {
        .object(JSONObject([
            .init(key: "municipality", value: "random"),
            .init(key: "firstYear", value: .number(JSONNumber(integer: Int64(firstYear)))),
            .init(key: "years", value: .number(JSONNumber(integer: Int64(years)))),
            .init(key: "lines", value: .array(lines.map(JSONValue.object))),
        ]))
    }

    static func make(_ random: inout SeededGenerator) -> RandomCase {
        func number(_ value: Int) -> JSONValue { .number(JSONNumber(integer: Int64(value))) }
        let sizes = BranchSize.allCases
        let branches = (0..<Int.random(in: 1...5, using: &random)).map { index in
            JSONObject([.init(key: "id", value: .string("b\(index)")), .init(key: "name", value: .string("Vestiging \(index)")),
                        .init(key: "size", value: .string(sizes.randomElement(using: &random)!.rawValue))])
        }
        let schools = (0..<Int.random(in: 1...8, using: &random)).map { index in
            JSONObject([.init(key: "id", value: .string("s\(index)")), .init(key: "name", value: .string("School \(index)")),
                        .init(key: "level", value: .string(index == 0 || Bool.random(using: &random) ? "po" : "vo")),
                        .init(key: "pupils", value: number(Int.random(in: 0...800, using: &random)))])
        }
        func locations(_ prefix: String, _ count: Int) -> [JSONValue] {
            (0..<count).map { .object(JSONObject([.init(key: "id", value: .string("\(prefix)\($0)")), .init(key: "name", value: .string("\(prefix) \($0)"))])) }
        }
        let profile = JSONObject([
            .init(key: "code", value: "random"), .init(key: "name", value: "Random"),
            .init(key: "inhabitants", value: .array([.object(JSONObject([.init(key: "date", value: "2024-01-01"),
                                                                           .init(key: "count", value: number(Int.random(in: 1_000...200_000, using: &random)))]))])),
            .init(key: "branches", value: .array(branches.map(JSONValue.object))),
            .init(key: "schools", value: .array(schools.map(JSONValue.object))),
            .init(key: "childcareLocations", value: .array(locations("ko", Int.random(in: 1...4, using: &random)))),
            .init(key: "consultationBureaus", value: .array(locations("cb", Int.random(in: 1...3, using: &random)))),
        ])
        let firstYear = 2025
        let years = Int.random(in: 1...3, using: &random)
        let poSchools = schools.filter { $0["level"] == "po" }.map { $0["id"]!.stringValue! }
        var lines: [JSONObject] = []
        var hasDbos = false
        for service in book2025.services where Bool.random(using: &random) || service.code == "thuislezen" {
            var line = JSONObject([.init(key: "service", value: .string(service.code))])
            switch service.code {
            case "thuislezen":
                guard hasDbos else { continue }
                line.set("schools", .array([.string(poSchools[0])]))
            case "dbos-po":
                hasDbos = true
            case "llo-pakket-1":
                guard branches.contains(where: { $0["size"] != "service-point" }) else { continue }
            case "llo-pakket-2":
                line.set("package", .string(["groot", "middelgroot", "klein"].randomElement(using: &random)!))
            case "maatwerk":
                line.set("level", .string(["mbo", "hbo", "wo"].randomElement(using: &random)!))
                line.set("hours", number(Int.random(in: 1...200, using: &random)))
                line.set("description", "Opdracht")
            case "makersplaats":
                line.set("activities", number(Int.random(in: 1...100, using: &random)))
                line.set("participantsPerActivity", number(Int.random(in: 10...30, using: &random)))
            case "boekstartcoach", "boekstart-pluspakket":
                line.set("hoursPerWeek", number(Int.random(in: 1...8, using: &random)))
            case "dbos-vo", "leskist-vo", "cultuureducatie-vo":
                guard schools.contains(where: { $0["level"] == "vo" }) else { continue }
            default:
                break
            }
            if let quote = service.customQuoteComponents.first {
                line.set("quote", .object(JSONObject([
                    .init(key: "component", value: .string(quote.code)),
                    .init(key: "amount", value: .string((try! Money(cents: Int64.random(in: 100...5_000_000, using: &random))).jsonString)),
                    .init(key: "recurrence", value: Bool.random(using: &random) ? "annual" : "one-off"),
                    .init(key: "description", value: "Offerte"),
                ])))
            }
            if years > 1 && Int.random(in: 0...4, using: &random) == 0 && service.code != "thuislezen" && service.code != "dbos-po" {
                line.set("startYear", number(firstYear + 1))
            }
            lines.append(line)
        }
        return RandomCase(profile: profile, lines: lines, firstYear: firstYear, years: years)
    }
}

@Suite("Properties over random profiles and offers")
struct PropertyTests {
    static let caseCount = 150

    static func cases() -> [RandomCase] {
        var random = SeededGenerator(state: 20_251_121)
        return (0..<caseCount).map { _ in RandomCase.make(&random) }
    }

    @Test("determinism: byte-identical JSON on rerun and with lines, subjects and profile lists reordered")
    func determinism() throws {
        var random = SeededGenerator(state: 7)
        for testCase in Self.cases() {
            let first = PricedOfferJSON.encode(try price(profile: .object(testCase.profile), offer: testCase.offer(testCase.lines)))
            let again = PricedOfferJSON.encode(try price(profile: .object(testCase.profile), offer: testCase.offer(testCase.lines)))
            #expect(first == again)
            var shuffledProfile = testCase.profile
            for field in ["branches", "schools", "childcareLocations", "consultationBureaus"] {
                shuffledProfile.set(field, .array(shuffledProfile[field]!.arrayValue!.shuffled(using: &random)))
            }
            var shuffledLines = testCase.lines.shuffled(using: &random)
            for index in shuffledLines.indices {
                shuffledLines[index].members.shuffle(using: &random)
            }
            let reordered = PricedOfferJSON.encode(try price(profile: .object(shuffledProfile), offer: testCase.offer(shuffledLines)))
            #expect(reordered == first)
        }
    }

    @Test("additivity: an offer's totals are the sums of its lines priced alone (Thuislezen with its dBos PO)")
    func additivity() throws {
        for testCase in Self.cases() {
            let whole = try price(profile: .object(testCase.profile), offer: testCase.offer(testCase.lines))
            // Lines priced alone; Thuislezen needs dBos PO, so the two are priced as one group.
            var groups: [[JSONObject]] = []
            let dbos = testCase.lines.filter { $0["service"] == "dbos-po" }
            for line in testCase.lines where line["service"] != "dbos-po" {
                groups.append(line["service"] == "thuislezen" ? dbos + [line] : [line])
            }
            if !dbos.isEmpty && !testCase.lines.contains(where: { $0["service"] == "thuislezen" }) { groups.append(dbos) }
            var sum = PayerTotals()
            for group in groups {
                try sum.add(try price(profile: .object(testCase.profile), offer: testCase.offer(group)).totals)
            }
            #expect(sum == whole.totals)
        }
    }

    @Test("monotonicity: more inhabitants or pupils never cost less")
    func monotonicity() throws {
        var random = SeededGenerator(state: 99)
        for testCase in Self.cases() {
            let before = try price(profile: .object(testCase.profile), offer: testCase.offer(testCase.lines))
            var grown = testCase.profile
            let extra = Int.random(in: 1...5_000, using: &random)
            var counts = grown["inhabitants"]!.arrayValue!
            var count = counts[0].objectValue!
            count.set("count", .number(JSONNumber(integer: count["count"]!.numberValue!.int64Value! + Int64(extra))))
            counts[0] = .object(count)
            grown.set("inhabitants", .array(counts))
            grown.set("schools", .array(grown["schools"]!.arrayValue!.map { school in
                var object = school.objectValue!
                object.set("pupils", .number(JSONNumber(integer: min(20_000, object["pupils"]!.numberValue!.int64Value! + Int64(Int.random(in: 0...50, using: &random))))))
                return .object(object)
            }))
            let after = try price(profile: .object(grown), offer: testCase.offer(testCase.lines))
            for (old, new) in zip(before.years, after.years) {
                #expect(new.totals.municipality >= old.totals.municipality)
                #expect(new.totals.school >= old.totals.school)
            }
        }
    }

    @Test("every total equals the sum of its lines, per year and payer, and the offer total the sum of the years")
    func totalsAreSums() throws {
        for testCase in Self.cases() {
            let priced = try price(profile: .object(testCase.profile), offer: testCase.offer(testCase.lines))
            var overall = PayerTotals()
            for year in priced.years {
                var sums = PayerTotals()
                for line in year.lines { try sums.add(line) }
                #expect(sums == year.totals)
                try overall.add(year.totals)
            }
            #expect(overall == priced.totals)
        }
    }
}
