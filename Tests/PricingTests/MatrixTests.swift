import Catalogue
import JSON
import Money
import Pricing
import Testing

/// The exhaustive matrix: generated from the tariff book, not listed by hand.
///
/// Every service × every component and basis × boundary quantities (0, 1, each tier edge
/// −1/0/+1, a large count) × every branch size, package, level and hours a week × three year
/// set-ups (start with the offer, start in year two, already running) is priced by the engine
/// and compared line by line with `Oracle`, an independent computation.
@Suite("The exhaustive test matrix")
struct MatrixTests {
    static let quantities = [0, 1, 124, 125, 126, 249, 250, 251, 499, 500, 501, 20_000]
    static let inhabitantCounts = [0, 1, 125, 34_093, 5_000_000]
    static let weeklyHours: [(Int64, Int)?] = [nil, (1, 0), (25, 1), (80, 0)]

    struct Setup {
        var startYear: Int?
        var runningSince: Int?
    }
    static let setups = [Setup(), Setup(startYear: 2026), Setup(runningSince: 2020)]

    struct Variant {
        var label: String
        var branches: [BranchSize]?
        var package: String?
        var level: String?
        var hours: (Int64, Int)?
        var hoursPerWeek: (Int64, Int)?
        var participants: Int?
        var activities: Int?
        var quoteOneOff = false
        var expectRefusal = false
    }

    /// The variants the book's data asks for: one per option, per scaling value, per branch size.
    static func variants(_ service: Service, quantity: Int) -> [Variant] {
        var result = [Variant(label: "default")]
        if let table = service.optionComponent(by: .branchSize), case .table(_, _, let options) = table.pricing {
            for option in options { result.append(Variant(label: "branch \(option.key)", branches: [BranchSize(rawValue: option.key)!])) }
            for size in BranchSize.allCases where !service.allowedBranchSizes.contains(size) {
                result.append(Variant(label: "excluded \(size.rawValue)", branches: [size], expectRefusal: true))
            }
        } else if service.subjectKinds.contains(.branch) {
            for size in BranchSize.allCases { result.append(Variant(label: "branch \(size.rawValue)", branches: [size])) }
        }
        if let table = service.optionComponent(by: .package), case .table(_, _, let options) = table.pricing {
            result = options.map { Variant(label: "package \($0.key)", package: $0.key) }
            result += options.map { Variant(label: "package \($0.key) with 15 participants", package: $0.key, participants: 15) }
        }
        if let table = service.optionComponent(by: .level), case .table(_, _, let options) = table.pricing {
            result = options.flatMap { option in
                [Variant(label: "level \(option.key) \(quantity) h", level: option.key, hours: (Int64(quantity), 0), expectRefusal: quantity == 0),
                 Variant(label: "level \(option.key) 2.5 h", level: option.key, hours: (25, 1))]
            }
        }
        if service.components.contains(where: { $0.scaledBy != nil }) {
            result = weeklyHours.map { Variant(label: "hours a week \($0.map { "\($0.0)e-\($0.1)" } ?? "default")", hoursPerWeek: $0) }
        }
        if service.numberFields.contains("activities") {
            result = [Variant(label: "no fees"), Variant(label: "1 activity × 10", participants: 10, activities: 1),
                      Variant(label: "100 activities × 15", participants: 15, activities: 100)]
        } else if service.components.contains(where: { $0.basis == .perParticipant }) && service.optionComponent(by: .package) == nil {
            result += [Variant(label: "with 15 participants", participants: 15)]
        }
        if !service.customQuoteComponents.isEmpty {
            result = result.flatMap { variant in
                var oneOff = variant
                oneOff.label += ", one-off quote"
                oneOff.quoteOneOff = true
                return [variant, oneOff]
            }
        }
        return result
    }

    struct Outcome {
        var offers = 0
        var refusals = 0
        var lines = 0
        var failures: [String] = []
    }

    static func run() -> Outcome {
        var outcome = Outcome()
        let years = 2025...2027
        for service in book2025.services {
            for setup in setups {
                for quantity in quantities {
                    for variant in variants(service, quantity: quantity) {
                        check(service, quantity: quantity, variant: variant, setup: setup, years: years, into: &outcome)
                    }
                }
            }
        }
        return outcome
    }

    static func check(_ service: Service, quantity: Int, variant: Variant, setup: Setup, years: ClosedRange<Int>,
                      into outcome: inout Outcome) {
        let inhabitants = inhabitantCounts[quantity % inhabitantCounts.count]
        let branches = BranchSize.allCases.map { Branch(id: "b-\($0.rawValue)", name: "Vestiging \($0.rawValue)", size: $0) }
        let schools = [School(id: "po-a", name: "PO A", level: .po, pupils: quantity),
                       School(id: "po-b", name: "PO B", level: .po, pupils: 125),
                       School(id: "vo-a", name: "VO A", level: .vo, pupils: quantity)]
        let childcare = [Location(id: "ko-1", name: "KO 1"), Location(id: "ko-2", name: "KO 2")]
        let bureaus = [Location(id: "cb-1", name: "CB 1")]

        var line: [String] = ["\"service\": \"\(service.code)\""]
        var selectedBranches = branches.filter { service.allowedBranchSizes.contains($0.size) }
        if let sizes = variant.branches {
            selectedBranches = branches.filter { sizes.contains($0.size) }
            line.append("\"branches\": [" + selectedBranches.map { "\"\($0.id)\"" }.joined(separator: ", ") + "]")
        }
        if let package = variant.package { line.append("\"package\": \"\(package)\"") }
        if let level = variant.level { line.append("\"level\": \"\(level)\"") }
        if let hours = variant.hours { line.append("\"hours\": \(decimal(hours))") }
        if let weekly = variant.hoursPerWeek { line.append("\"hoursPerWeek\": \(decimal(weekly))") }
        if let participants = variant.participants { line.append("\"participantsPerActivity\": \(participants)") }
        if let activities = variant.activities { line.append("\"activities\": \(activities)") }
        let quoteCents = Int64(quantity) * 100 + 37
        if !service.customQuoteComponents.isEmpty {
            let component = service.customQuoteComponents[0].code
            line.append("\"quote\": {\"component\": \"\(component)\", \"amount\": \"\(try! Money(cents: quoteCents).jsonString)\", \"recurrence\": \"\(variant.quoteOneOff ? "one-off" : "annual")\", \"description\": \"Offerte\"}")
        }
        if let start = setup.startYear { line.append("\"startYear\": \(start)") }
        if let since = setup.runningSince { line.append("\"runningSince\": \(since)") }
        var lines = ["{" + line.joined(separator: ", ") + "}"]

        let level = service.requiredSchoolLevel
        var selectedSchools = schools.filter { level == nil || $0.level == level }
        var specs: [LineSpec] = []
        let startYear = setup.startYear ?? years.lowerBound
        let serviceFirstYear = setup.runningSince ?? startYear
        if let partner = service.requiredServiceOnSchool {
            // The partner service on the same schools, from the same year, priced alongside.
            var partnerLine = ["\"service\": \"\(partner)\""]
            if let start = setup.startYear { partnerLine.append("\"startYear\": \(start)") }
            if let since = setup.runningSince { partnerLine.append("\"runningSince\": \(since)") }
            lines.insert("{" + partnerLine.joined(separator: ", ") + "}", at: 0)
            let partnerLevel = book2025.service(partner)?.requiredSchoolLevel
            selectedSchools = schools.filter { partnerLevel == nil || $0.level == partnerLevel }
            specs.append(LineSpec(service: partner, branches: [], schools: selectedSchools, childcare: [], bureaus: [],
                                  inhabitants: inhabitants, startYear: startYear, serviceFirstYear: serviceFirstYear))
        }
        let kinds = service.subjectKinds
        specs.append(LineSpec(
            service: service.code,
            branches: kinds.contains(.branch) ? selectedBranches : [],
            schools: kinds.contains(.school) ? selectedSchools : [],
            childcare: kinds.contains(.childcareLocation) ? childcare : [],
            bureaus: kinds.contains(.consultationBureau) ? bureaus : [],
            inhabitants: inhabitants, package: variant.package, level: variant.level,
            hours: variant.hours.map { (units: $0.0, scale: $0.1) },
            hoursPerWeek: variant.hoursPerWeek.map { (units: $0.0, scale: $0.1) },
            participants: variant.participants, activities: variant.activities,
            quoteCents: service.customQuoteComponents.isEmpty ? nil : quoteCents, quoteOneOff: variant.quoteOneOff,
            startYear: startYear, serviceFirstYear: serviceFirstYear))

        let profile = profileText(inhabitants: inhabitants, branches: branches, schools: schools, childcare: childcare, bureaus: bureaus)
        let offer = "{\"municipality\": \"matrix\", \"firstYear\": \(years.lowerBound), \"years\": \(years.count), \"lines\": [\(lines.joined(separator: ", "))]}"
        let label = "\(service.code) q=\(quantity) \(variant.label) start=\(setup.startYear.map(String.init) ?? "-") since=\(setup.runningSince.map(String.init) ?? "-")"
        outcome.offers += 1
        do {
            let priced = try price(profile: profile, offer: offer)
            if variant.expectRefusal {
                outcome.failures.append("\(label): priced, but should have been refused")
                return
            }
            let actual = priced.years.flatMap { year in
                year.lines.map { ExpectedLine(year: year.year, service: $0.service, component: $0.component, subject: $0.subject,
                                              cents: $0.amount.cents, payer: $0.payer) }
            }
            let expected = specs.flatMap { Oracle.expected($0, years: years, books: fixtureBooks) }
            outcome.lines += actual.count
            if actual.sorted(by: { $0.description < $1.description }) != expected.sorted(by: { $0.description < $1.description }) {
                let missing = Set(expected).subtracting(actual).map(\.description).sorted().prefix(3)
                let extra = Set(actual).subtracting(expected).map(\.description).sorted().prefix(3)
                outcome.failures.append("\(label): expected but not priced \(Array(missing)); priced but not expected \(Array(extra))")
            }
        } catch {
            if variant.expectRefusal {
                outcome.refusals += 1
            } else {
                outcome.failures.append("\(label): refused: \(error)")
            }
        }
    }

    static func decimal(_ value: (Int64, Int)) -> String {
        (try! Quantity(units: value.0, scale: value.1)).plainString
    }

    static func profileText(inhabitants: Int, branches: [Branch], schools: [School], childcare: [Location], bureaus: [Location]) -> String {
        let branchText = branches.map { "{\"id\": \"\($0.id)\", \"name\": \"\($0.name)\", \"size\": \"\($0.size.rawValue)\"}" }
        let schoolText = schools.map { "{\"id\": \"\($0.id)\", \"name\": \"\($0.name)\", \"level\": \"\($0.level.rawValue)\", \"pupils\": \($0.pupils)}" }
        func locations(_ list: [Location]) -> String { list.map { "{\"id\": \"\($0.id)\", \"name\": \"\($0.name)\"}" }.joined(separator: ", ") }
        return """
        {"code": "matrix", "name": "Matrix", "inhabitants": [{"date": "2025-01-01", "count": \(inhabitants)}],
         "branches": [\(branchText.joined(separator: ", "))], "schools": [\(schoolText.joined(separator: ", "))],
         "childcareLocations": [\(locations(childcare))], "consultationBureaus": [\(locations(bureaus))]}
        """
    }

    @Test("every generated case prices exactly as the independent computation says")
    func matrix() {
        let outcome = Self.run()
        print("Pricing matrix: \(outcome.offers) offers (\(outcome.refusals) correctly refused), \(outcome.lines) priced lines compared with the oracle")
        #expect(outcome.failures.isEmpty, "\(outcome.failures.count) failures, first: \(outcome.failures.prefix(5))")
        #expect(outcome.offers + outcome.lines > 10_000)
        #expect(outcome.refusals > 0)
    }
}
