import Catalogue
import JSON
import Money
import Pricing

/// The inputs the benchmark prices: an offer of every service for each seed municipality, a
/// synthetic large municipality (500 branches, 1 000 schools), and the largest profile the input
/// limits admit.
enum Workloads {
    /// An offer with a line for every service the profile can take, as offer-file JSON.
    static func fullOffer(for profile: MunicipalityProfile, book: TariffBook, firstYear: Int, years: Int) -> String {
        let hasPo = profile.schools.contains { $0.level == .po }
        let hasVo = profile.schools.contains { $0.level == .vo }
        var lines: [String] = []
        for service in book.services {
            switch service.code {
            case "llo-pakket-1" where !profile.branches.contains(where: { $0.size != .servicePoint }): continue
            case "dbos-po", "thuislezen": if !hasPo { continue }
            case "dbos-vo", "leskist-vo", "cultuureducatie-vo": if !hasVo { continue }
            case "boekstart-kinderopvang", "boekstart-pluspakket", "leesklik": if profile.childcareLocations.isEmpty { continue }
            case "boekstartcoach": if profile.consultationBureaus.isEmpty { continue }
            default: break
            }
            var fields = ["\"service\": \"\(service.code)\""]
            switch service.code {
            case "llo-pakket-1": fields.append("\"participantsPerActivity\": 15")
            case "llo-pakket-2": fields.append("\"package\": \"groot\"")
            case "makersplaats": fields.append("\"activities\": 40, \"participantsPerActivity\": 12")
            case "boekstartcoach": fields.append("\"hoursPerWeek\": 4")
            case "boekstart-pluspakket": fields.append("\"hoursPerWeek\": 2")
            case "maatwerk": fields.append("\"level\": \"hbo\", \"hours\": 40, \"description\": \"Leesplan\"")
            default: break
            }
            if let quote = service.customQuoteComponents.first {
                fields.append("\"quote\": {\"component\": \"\(quote.code)\", \"amount\": \"7500.00\", \"recurrence\": \"annual\", \"description\": \"Offerte\"}")
            }
            lines.append("{" + fields.joined(separator: ", ") + "}")
        }
        return "{\"municipality\": \"\(profile.code)\", \"firstYear\": \(firstYear), \"years\": \(years), \"lines\": [\(lines.joined(separator: ", "))]}"
    }

    /// A deterministic synthetic municipality: 500 branches, 1 000 schools, 400 childcare
    /// locations and 60 consultation bureaus.
    static func largeProfile() -> String {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let sizes = ["large", "medium", "small", "service-point"]
        let branches = (0..<500).map { "{\"id\": \"b\($0)\", \"name\": \"Vestiging \($0)\", \"size\": \"\(sizes[next(4)])\"}" }
        let schools = (0..<1_000).map { index in
            "{\"id\": \"s\(index)\", \"name\": \"School \(index)\", \"level\": \"\(index % 5 == 4 ? "vo" : "po")\", \"pupils\": \(20 + next(900))}"
        }
        let childcare = (0..<400).map { "{\"id\": \"ko\($0)\", \"name\": \"Kinderopvang \($0)\"}" }
        let bureaus = (0..<60).map { "{\"id\": \"cb\($0)\", \"name\": \"Consultatiebureau \($0)\"}" }
        return """
        {"code": "groot", "name": "Grote synthetische gemeente", "inhabitants": [{"date": "2024-01-01", "count": 850000}],
         "branches": [\(branches.joined(separator: ", "))], "schools": [\(schools.joined(separator: ", "))],
         "childcareLocations": [\(childcare.joined(separator: ", "))], "consultationBureaus": [\(bureaus.joined(separator: ", "))]}
        """
    }

    /// The largest profile the input limits admit, as `scripts/largest-offer.py` writes it: every
    /// branch, school, childcare location and consultation bureau allowed, all schools primary
    /// (dbos-po with thuislezen gives the most priced lines a school).
    static func largestProfile() -> String {
        let sizes = ["large", "medium", "small", "service-point"]
        let branches = (0..<InputLimits.branches).map { "{\"id\": \"b\($0)\", \"name\": \"Vestiging \($0)\", \"size\": \"\(sizes[$0 % 4])\"}" }
        let schools = (0..<InputLimits.schools).map { index in
            "{\"id\": \"s\(index)\", \"name\": \"School \(index)\", \"level\": \"po\", \"pupils\": \(20 + index * 7919 % 900)}"
        }
        let childcare = (0..<InputLimits.locations).map { "{\"id\": \"ko\($0)\", \"name\": \"Kinderopvang \($0)\"}" }
        let bureaus = (0..<InputLimits.locations).map { "{\"id\": \"cb\($0)\", \"name\": \"Consultatiebureau \($0)\"}" }
        return """
        {"code": "grootst", "name": "Grootste toegelaten gemeente", "inhabitants": [{"date": "2024-01-01", "count": 5000000}],
         "branches": [\(branches.joined(separator: ", "))], "schools": [\(schools.joined(separator: ", "))],
         "childcareLocations": [\(childcare.joined(separator: ", "))], "consultationBureaus": [\(bureaus.joined(separator: ", "))]}
        """
    }
}
