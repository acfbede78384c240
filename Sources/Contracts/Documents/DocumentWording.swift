import Catalogue
import Money
import Pricing
import Support

/// How documents write numbers for people: "€ 95.116,00" with a non-breaking space after the
/// euro sign (so a line never ends between the sign and the amount), negative amounts with a
/// minus after it ("€ -12,00"), a change with its sign ("€ +1.250,00", "€ -300,00"), and
/// percentages with a non-breaking space before the sign ("3,75 %").
enum DocumentNotation {
    /// U+00A0.
    static let space = "\u{00A0}"

    /// "€ 95.116,00".
    static func amount(_ money: Money) -> String {
        money.dutchString.replacing("€ ", with: "€" + space)
    }

    /// "€ +1.250,00", "€ -300,00" or "€ 0,00": the one notation of a signed amount in every document.
    static func signed(_ money: Money) -> String {
        money.dutchSignedString.replacing("€ ", with: "€" + space)
    }

    /// "+3,75 %" with the space before the sign made non-breaking.
    static func percent(_ text: String) -> String {
        text.replacing(" %", with: space + "%")
    }

    /// Every "€ " and " %" in a sentence made non-breaking (explanations written by pricing).
    static func sentence(_ text: String) -> String {
        percent(text.replacing("€ ", with: "€" + space))
    }
}

/// The fixed Dutch wording of the documents, shared by the HTML and Markdown renderers so both
/// formats say the same thing in the same words.
enum DocumentWording {
    /// The library's name on pages made without its details (the comparison of scenarios).
    static let libraryName = "Biblionet Drenthe (Bind bibliotheken)"

    /// What a document prints where a detail it needs is missing.
    static let missing = "[in te vullen]"

    /// The mark of anything that rests on data marked illustrative.
    static let illustrativeMark = "(I)"

    /// The payer text of the municipality's lines, as the builder writes it.
    static let municipalityPayer = "gemeente"

    /// The payer of a calculation line, with the VAT on top for a line stated excluding VAT:
    /// "school (+ btw € 324,36)".
    static func payer(_ line: DocumentLine) -> String {
        guard let vat = line.vat else { return line.payer }
        return "\(line.payer) (+ btw \(DocumentNotation.amount(vat)))"
    }

    /// The heading when an offer has no title of its own.
    static let defaultTitle = "Activiteiten van de bibliotheek"

    /// The sentence above the services tables.
    static let overviewExplanation = "Per dienst staat het subsidiebedrag per jaar, jaarlijkse en eenmalige kosten samen; het eenmalige deel staat er apart bij. (O) betekent op offertebasis, (R) een richtprijs."

    /// The sentence above the totals table: only one line is the subsidy.
    static let totalsExplanation = "Alleen de regel ‘Subsidiebedrag gemeente’ betaalt de gemeente. De bijdragen van scholen en deelnemers staan er ter informatie bij: de bibliotheek brengt ze rechtstreeks bij hen in rekening."

    /// The sentence at the top of the rekenbijlage.
    static let calculationIntroduction = "Deze rekenbijlage laat per jaar elke regel van de berekening zien: het aantal, de prijs per eenheid en hoe het bedrag tot stand komt. Elke regel is exact berekend en eenmaal afgerond op de precisie van het tarief; elk totaal is de som van de regels. Regels die scholen of deelnemers betalen (cursief) tellen niet mee in het subsidiebedrag van de gemeente. De rekenbijlage is een toelichting en maakt geen deel uit van wat wordt ondertekend."

    /// The sentence above the service levels.
    static let serviceLevelsIntroduction = "De bibliotheek levert per school ten minste dit dienstverleningsniveau, volgens de normen van het tariefboek. Een waarde die per jaar verschilt, staat met haar jaren."

    /// "1" or "2 (vervangt OFF-2025-001)".
    static func version(_ version: Int, supersedes: String?) -> String {
        guard let supersedes else { return String(version) }
        return "\(version) (vervangt \(supersedes))"
    }

    /// "2025" or "2025 tot en met 2027".
    static func term(first: Int, last: Int) -> String {
        first == last ? String(first) : "\(first) tot en met \(last)"
    }

    /// "2026", or "2026 (raming)" for a projected year: the projection itself is explained once.
    static func yearLabel(_ year: DocumentYear) -> String {
        year.projected ? "\(year.year) (raming)" : String(year.year)
    }

    /// The heading of the term column: "Totaal" for one year, "Totaal 2025–2027" for more.
    static func termTotalLabel(_ years: [DocumentYear]) -> String {
        guard let first = years.first?.year, let last = years.last?.year, first != last else { return "Totaal" }
        return "Totaal \(first)–\(last)"
    }

    /// "catalogus § 2.2": where the service is described in the catalogue.
    static func sectionLabel(_ section: String) -> String {
        "catalogus § \(section)"
    }

    /// "(O)" for a custom quote, "(R)" for a guide price, "(I)" for an amount on illustrative data.
    static func markers(quote: Bool, indicative: Bool, illustrative: Bool = false) -> [String] {
        (quote ? ["(O)"] : []) + (indicative ? ["(R)"] : []) + (illustrative ? [illustrativeMark] : [])
    }

    /// "waarvan eenmalig € 25.800,00".
    static func oneOffPart(_ amount: Money) -> String {
        "waarvan eenmalig \(DocumentNotation.amount(amount))"
    }

    /// The plural of a subject unit: "vestigingen", "scholen", "kinderopvanglocaties".
    static func plural(_ unit: String) -> String {
        switch unit {
        case "vestiging": "vestigingen"
        case "school": "scholen"
        case "kinderopvanglocatie": "kinderopvanglocaties"
        case "consultatiebureau": "consultatiebureaus"
        default: unit
        }
    }

    /// "De gemeente" from "de gemeente".
    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "a, b en c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + last
    }

    /// The service names by code, to name the service of a service level.
    static func serviceNames(_ tiers: [DocumentTier]) -> [String: String] {
        var names: [String: String] = [:]
        for service in tiers.flatMap({ $0.programmeLines.flatMap(\.services) }) {
            names[service.code] = service.name
        }
        return names
    }

    // MARK: Notices

    /// The CONCEPT banner under a concept's title.
    static func conceptNotice(_ kind: String) -> String {
        "CONCEPT — dit is een concept van \(kind) ter bespreking. Het is niet uitgebracht of aanvaard en wordt niet ondertekend; cijfers en gegevens kunnen nog veranderen."
    }

    /// The notice of illustrative data, naming them.
    static func illustrativeNotice(_ items: [DocumentIllustration]) -> String {
        "Voorbeeldgegevens: dit document berust op gegevens die als illustratief zijn gemarkeerd: \(list(items.map(\.dutch))). "
            + "Het zijn plaatshouders, geen vastgestelde feiten. Wat erop berust, is gemarkeerd met \(illustrativeMark); vervang de gegevens vóór ondertekening."
    }

    /// The notice of missing details, naming them.
    static func missingNotice(_ gaps: [DocumentGap]) -> String {
        var labels: [String] = []
        for gap in gaps where !labels.contains(gap.label) { labels.append(gap.label) }
        return "Ontbrekende gegevens, in de tekst aangegeven met \(missing): \(list(labels))."
    }

    // MARK: Parties

    /// "Voorbeeldstraat 1, 9411 AA Beilen", or the placeholder when the address is incomplete.
    static func address(_ address: PostalAddress?) -> String {
        guard let address, let street = address.street, let postcode = address.postcode, let city = address.city else { return missing }
        return "\(street), \(postcode) \(city)" + (address.country == "NL" ? "" : " (\(address.country))")
    }

    /// "Stichting Biblionet Drenthe, handelend onder de naam Bind bibliotheken".
    static func partyName(_ party: DocumentParty) -> String {
        (party.name ?? missing) + (party.tradeName.map { ", handelend onder de naam \($0)" } ?? "")
    }

    /// The clauses that describe a party in the agreement's heading, without its name:
    /// seat, registration, representation, and the alias the articles use.
    static func partyClauses(_ party: DocumentParty) -> String {
        var text = "met adres \(address(party.address))"
        // A municipality is registered by its OIN (or KvK number), a foundation by its KvK number.
        if let oin = party.oin {
            text += ", OIN \(oin)"
        } else if let kvk = party.kvk {
            text += ", KvK-nummer \(kvk)"
        } else {
            text += party.alias == "de gemeente" ? ", OIN \(missing)" : ", KvK-nummer \(missing)"
        }
        let signatory = party.signatory
        text += ", rechtsgeldig vertegenwoordigd door \(signatory?.name ?? missing), \(signatory?.function ?? missing)"
        if party.alias == "de gemeente" { text += ", op grond van \(signatory?.mandate ?? missing)" }
        text += ", hierna: \(party.alias)"
        return text + (party.illustrative ? " \(illustrativeMark)" : "")
    }

    /// The supplier's details under the offerte's header.
    static func supplierDetails(_ party: DocumentParty) -> [String] {
        [address(party.address), "KvK-nummer \(party.kvk ?? missing)", "Btw-nummer \(party.vatNumber ?? missing)"]
            + (party.contact?.email.map { ["E-mail \($0)"] } ?? [])
            + (party.illustrative ? ["Voorbeeldgegevens \(illustrativeMark)"] : [])
    }

    // MARK: Service levels

    /// The service levels of every year laid out once for the whole term: per service a table
    /// with a column per level (in the order they first appear) and a row per school; a value
    /// that differs between years, or a school that is not there every year, shows its years.
    struct ServiceLevelTable {
        /// One school's levels, by level name.
        struct Row {
            let school: String
            let pupils: Int
            let illustrative: Bool
            var values: [String: [(year: Int, text: String)]] = [:]
        }

        /// The schools of one service and the levels it promises.
        struct Group {
            let service: String
            var levelNames: [String] = []
            var rows: [Row] = []
        }

        private(set) var groups: [Group] = []
        private let years: [Int]

        init(_ levels: [DocumentServiceLevel], years: [Int]) {
            self.years = years
            for level in levels {
                let groupIndex = groups.firstIndex { $0.service == level.service } ?? groups.count
                if groupIndex == groups.count { groups.append(Group(service: level.service)) }
                if !groups[groupIndex].levelNames.contains(level.name) { groups[groupIndex].levelNames.append(level.name) }
                // A school is known by its name and pupils: the model carries no code in its text.
                let rowIndex = groups[groupIndex].rows.firstIndex { $0.school == level.school && $0.pupils == level.pupils }
                    ?? groups[groupIndex].rows.count
                if rowIndex == groups[groupIndex].rows.count {
                    groups[groupIndex].rows.append(Row(school: level.school, pupils: level.pupils, illustrative: level.illustrative))
                }
                let text = level.value + (level.note.map { " (\($0))" } ?? "")
                groups[groupIndex].rows[rowIndex].values[level.name, default: []].append((level.year, text))
            }
        }

        /// The cell of a level: its value, or each value with its years ("2026: 5; 2027–2028: 6").
        func cell(_ row: Row, _ name: String) -> String {
            guard let values = row.values[name], !values.isEmpty else { return "—" }
            var runs: [(text: String, years: [Int])] = []
            for value in values {
                if let last = runs.last, last.text == value.text { runs[runs.count - 1].years.append(value.year) } else { runs.append((value.text, [value.year])) }
            }
            if runs.count == 1 { return runs[0].text + DocumentActivities.period(runs[0].years, of: years) }
            return runs.map { run in
                let span = run.years.count == 1 ? "\(run.years[0])" : "\(run.years[0])–\(run.years[run.years.count - 1])"
                return "\(span): \(run.text)"
            }.joined(separator: "; ")
        }
    }

    // MARK: Totals

    /// How a row of the totals table looks: the subsidy stands out, its parts are indented, and
    /// the amounts others pay are greyed as information.
    enum TotalsRowKind: String {
        case municipality
        case detail
        case information
    }

    /// One row of the totals table.
    struct TotalsRow {
        let label: String
        let kind: TotalsRowKind
        let value: (DocumentTotals) -> Money
    }

    /// The rows of every totals table, the subsidy first; the rows others pay only when they pay something.
    static func totalsRows(_ totals: [DocumentTotals]) -> [TotalsRow] {
        var rows = [
            TotalsRow(label: "Subsidiebedrag gemeente", kind: .municipality, value: { $0.municipality }),
            TotalsRow(label: "waarvan eenmalig", kind: .detail, value: { $0.oneOff }),
            TotalsRow(label: "waarvan jaarlijks", kind: .detail, value: { $0.annual }),
        ]
        if totals.contains(where: { $0.school != .zero }) {
            rows.append(TotalsRow(label: "Bijdrage scholen, excl. btw (ter informatie)", kind: .information, value: { $0.school }))
            rows.append(TotalsRow(label: "Btw over de bijdrage scholen (ter informatie)", kind: .information, value: { $0.schoolVAT }))
        }
        if totals.contains(where: { $0.participants != .zero }) {
            rows.append(TotalsRow(label: "Verwachte bijdragen deelnemers (ter informatie)", kind: .information, value: { $0.participants }))
        }
        return rows
    }
}
