import Catalogue
import Money
import Pricing
import Support

/// The activities and prestaties of an agreement: per service, what the library commits to in
/// numbers, read from the priced lines (subjects, hours a week, packages and their activities,
/// hours, pupils), so the agreement states every obligation explicitly.
enum DocumentActivities {
    /// One activity per service of the offer, in catalogue order.
    static func make(_ priced: PricedOffer, book: TariffBook?, data: IllustrativeData) -> [DocumentActivity] {
        let years = priced.years.map(\.year)
        var result: [DocumentActivity] = []
        for service in book?.services ?? [] {
            let lines = priced.years.map { year in (year.year, year.lines.filter { $0.service == service.code }) }
            guard lines.contains(where: { !$0.1.isEmpty }) else { continue }
            var byText: [(text: String, years: [Int])] = []
            for (year, yearLines) in lines {
                for text in commitments(yearLines, hasLevels: !service.serviceLevels.isEmpty) {
                    if let index = byText.firstIndex(where: { $0.text == text }) {
                        byText[index].years.append(year)
                    } else {
                        byText.append((text, [year]))
                    }
                }
            }
            let commitments = byText.map { $0.text + period($0.years, of: years) }
            let illustrative = lines.contains { $0.1.contains(where: data.marks) }
            result.append(DocumentActivity(service: service.name, description: service.description, commitments: commitments,
                                           illustrative: illustrative))
        }
        return result
    }

    /// "" when a commitment holds every year of the term, else " (vanaf 2027)", " (in 2026)" or " (2026–2027)".
    static func period(_ years: [Int], of term: [Int]) -> String {
        guard years != term, let first = years.first, let last = years.last else { return "" }
        if years.count == 1 { return " (in \(first))" }
        if last == term.last { return " (vanaf \(first))" }
        return " (\(first)–\(last))"
    }

    /// The commitments of one service's lines in one year, in the order their components come.
    static func commitments(_ lines: [PricedLine], hasLevels: Bool) -> [String] {
        var texts: [String] = []
        func add(_ text: String) { if !texts.contains(text) { texts.append(text) } }
        var subjectsByLabel: [(label: String, names: [String])] = []
        func addSubject(_ label: String, _ name: String) {
            if let index = subjectsByLabel.firstIndex(where: { $0.label == label }) {
                if !subjectsByLabel[index].names.contains(name) { subjectsByLabel[index].names.append(name) }
            } else {
                subjectsByLabel.append((label, [name]))
            }
        }
        let pupilLines = lines.filter { if case .pupils = $0.why.quantity { return $0.payer == .municipality } else { return false } }
        if !pupilLines.isEmpty {
            let schools = Dictionary(grouping: pupilLines, by: { $0.subject ?? "" })
            let pupils = schools.values.compactMap { group -> Int? in
                if case .pupils(let count) = group[0].why.quantity { return count } else { return nil }
            }.reduce(0, +)
            add("\(schools.count) \(schools.count == 1 ? "school" : "scholen") met samen \(Quantity(Int64(pupils)).dutchString) leerlingen"
                + (hasLevels ? "; dienstverleningsniveau per school in de tabel hieronder" : ""))
        }
        for line in lines {
            switch line.why.quantity {
            case .pupils: continue
            case .count(_, let unit):
                if case .quote(let description, _) = line.why.shared.kind {
                    add("\(line.why.shared.componentName): \(description)")
                } else if let unit, let name = line.subjectName {
                    // A one-off part for each subject (an implementation) is named as such, not as the subjects served.
                    let label = line.recurrence == .oneOff ? line.why.shared.componentName : DocumentWording.plural(unit)
                    addSubject(label, name + (line.why.optionName.map { " (\($0.lowercased()))" } ?? ""))
                } else if line.payer == .municipality, !line.why.shared.componentName.hasPrefix("Bijdrage") {
                    add(line.why.shared.componentName)
                }
            case .hoursPerWeek(let hours):
                addSubject("\(hours.dutchString) uur per week", line.subjectName ?? "de gemeente")
            case .inhabitants(let count, let date):
                add("werkgebied van \(count.dutchString) inwoners (stand \(date.dutchString))")
            case .package(let name, let activities):
                add(name.lowercased() + (activities.map { ", \($0) activiteiten per jaar" } ?? ""))
            case .hours(let hours, let level):
                add("\(hours.dutchString) uur \(level.lowercased())" + (line.description.map { ": \($0)" } ?? ""))
            case .participants(let activities, _, _):
                // A package states its activities already.
                if lines.contains(where: { if case .package = $0.why.quantity { return true } else { return false } }) { continue }
                if let name = line.subjectName { addSubject("activiteiten per vestiging", "\(name) \(activities)") } else { add("\(activities) activiteiten per jaar") }
            case .scaled(let quantity, _):
                add("\(line.why.shared.componentName): \(quantity.dutchString)")
            }
        }
        return texts + subjectsByLabel.map { "\($0.label): " + $0.names.joined(separator: ", ") }
    }
}
