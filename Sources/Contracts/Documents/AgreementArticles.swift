import Catalogue
import Money
import Pricing
import Support

/// What the wording of an agreement (and the conditions of an offerte) is written from.
struct AgreementFacts {
    var priced: PricedOffer
    var books: PricingBooks
    var supplier: DocumentParty
    var municipality: DocumentParty
    var parties: DocumentParties
    var quoteReference: String
    var quoteDate: CalendarDate
    /// The real acceptance date; nil for a concept, which states no acceptance.
    var acceptedOn: CalendarDate?
    /// The document's own date: no date it promises lies before it.
    var date: CalendarDate
    var payment: PaymentSchedule
    var totals: [DocumentTotals]

    var first: Int { priced.years.first?.year ?? date.year }
    var last: Int { priced.years.last?.year ?? first }
    var multiYear: Bool { first != last }
    var firstBook: TariffBook? { priced.years.first.flatMap { books[$0.year]?.book } }

    /// The terms of the school agreements (dBos) when the offer has a service with them.
    var schoolTerms: SchoolAgreementTerms? {
        let codes = Set(priced.years.flatMap { $0.lines.map(\.service) })
        return firstBook?.services.first { codes.contains($0.code) && $0.schoolAgreement != nil }?.schoolAgreement
    }

    /// "2026" or "de jaren 2026 tot en met 2028".
    var period: String { multiYear ? "de jaren \(first) tot en met \(last)" : String(first) }

    /// `date` in Dutch when it lies after the document's date, else `fallback`: a document
    /// never promises something by a day that has already passed.
    func promise(_ promised: CalendarDate, fallback: String) -> String {
        promised > date ? "uiterlijk \(promised.dutchString)" : fallback
    }

    /// The days within which settlements are paid.
    var paymentTermDays: Int { parties.organisation.organisation.paymentTermDays ?? OrganisationLoader.defaultPaymentTermDays }

    /// The municipality's subsidy regulation by name, or a description.
    var regulation: String { parties.profile?.parties.subsidyRegulation ?? "de subsidieregels van de gemeente" }
}

/// The recitals and articles of the uitvoeringsovereenkomst, written as a subsidy agreement
/// (Awb title 4.2, art. 4:36): the municipality grants, the library carries out its own
/// activities; never the words of a purchase.
enum AgreementArticles {
    /// The recitals, each a clause in subordinate word order after "Overwegende dat".
    static func considerations(_ facts: AgreementFacts) -> [String] {
        let municipality = facts.priced.municipalityName
        let offer: String
        if let accepted = facts.acceptedOn {
            offer = "de bibliotheek op \(facts.quoteDate.dutchString) offerte \(facts.quoteReference) heeft uitgebracht en de gemeente die offerte op \(accepted.dutchString) heeft aanvaard;"
        } else {
            offer = "deze overeenkomst volgt op offerte \(facts.quoteReference) van \(facts.quoteDate.dutchString);"
        }
        return [
            "de bibliotheek in de gemeente \(municipality) het openbaar bibliotheekwerk verzorgt en daarbij de functies vervult die de Wet stelsel openbare bibliotheekvoorzieningen (Wsob) aan een openbare bibliotheek toekent;",
            "de gemeente dit werk als onderdeel van haar bibliotheekbeleid met subsidie ondersteunt, op grond van titel 4.2 van de Algemene wet bestuursrecht (Awb) en \(facts.regulation);",
            offer,
            "partijen de activiteiten en prestaties van de bibliotheek en het subsidiebedrag voor \(facts.period) in \(facts.multiYear ? "één meerjarige" : "deze") overeenkomst willen vastleggen, ter uitvoering van de verlening van de subsidie (artikel 4:36 Awb),",
        ]
    }

    /// The numbered articles.
    static func articles(_ facts: AgreementFacts, annexes: [String]) -> [DocumentArticle] {
        var articles: [DocumentArticle] = []
        func add(_ title: String, _ paragraphs: [String]) {
            articles.append(DocumentArticle(number: articles.count + 1, title: title, paragraphs: paragraphs))
        }
        add("Begrippen, onderwerp en grondslag", basis(facts, annexes: annexes))
        add("Looptijd", [
            "Deze overeenkomst loopt van 1 januari \(facts.first) tot en met 31 december \(facts.last).",
            "Voortzetting daarna vraagt een nieuwe overeenkomst. De bibliotheek doet daarvoor "
                + facts.promise(CalendarDate(year: facts.last, month: 4, day: 1)!, fallback: "zo spoedig mogelijk")
                + " een voorstel, zodat de gemeente het kan meenemen in haar begroting voor \(facts.last + 1).",
        ])
        add("Activiteiten en prestaties", [
            "De bibliotheek voert in elk subsidiejaar de activiteiten uit en levert de prestaties die bijlage 2 per dienst beschrijft, met de aantallen, uren en dienstverleningsniveaus die daar staan.",
            "Kan de bibliotheek een activiteit of prestatie niet of niet volledig uitvoeren, dan meldt zij dat zo snel mogelijk schriftelijk aan de gemeente, met de reden en een voorstel voor een gelijkwaardige invulling.",
        ])
        add("Subsidiebedrag", amount(facts))
        add("Indexatie", indexation(facts))
        add("Voorschotten en betaling", payment(facts))
        add("Verantwoording en vaststelling", settlement(facts))
        add("Wijzigingen", [
            "Partijen leggen elke wijziging van de activiteiten, prestaties of bedragen schriftelijk vast in een genummerde wijziging, die per jaar het overeengekomen bedrag, de wijziging en het nieuwe bedrag vermeldt en door beide partijen wordt ondertekend.",
            "Een wijziging gaat in op 1 januari van het jaar dat zij noemt en geldt tot het einde van de looptijd; eerdere jaren blijven ongewijzigd.",
        ])
        add("Beëindiging", termination(facts))
        add("Aansprakelijkheid, overmacht en privacy", liability(facts))
        add("Overleg en contactpersonen", consultation(facts))
        add("Geschillen en toepasselijk recht", [
            "Op deze overeenkomst is Nederlands recht van toepassing.",
            "Partijen proberen een geschil eerst in overleg op te lossen. Lukt dat niet binnen zes weken nadat een partij om overleg heeft gevraagd, dan kan elke partij het voorleggen aan de \(facts.parties.organisation.organisation.court ?? "Rechtbank Noord-Nederland").",
            "Tegen besluiten van de gemeente over de subsidie (verlening, vaststelling of intrekking) staan bezwaar en beroep open volgens de Awb.",
        ])
        return articles
    }

    private static func basis(_ facts: AgreementFacts, annexes: [String]) -> [String] {
        [
            "In deze overeenkomst betekent: subsidiejaar: een kalenderjaar van de looptijd; activiteiten en prestaties: wat de bibliotheek met de subsidie doet, zoals artikel 3 en bijlage 2 beschrijven; beschikking: het besluit waarmee de gemeente de subsidie voor een subsidiejaar verleent of vaststelt; tariefboek: de Activiteitencatalogus met de tarieven van een jaar, zoals de bibliotheek die publiceert.",
            "Deze overeenkomst voert de verlening van de subsidie uit (artikel 4:36 Awb): zij verplicht de bibliotheek de activiteiten en prestaties uit te voeren waarvoor de subsidie wordt verleend.",
            "Grondslag zijn titel 4.2 van de Awb, \(facts.regulation) en de Wsob. De gemeente verleent en stelt de subsidie per subsidiejaar vast bij beschikking; elke beschikking verwijst naar deze overeenkomst.",
            "De bijlagen maken deel uit van deze overeenkomst: " + annexes.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "; ") + ".",
        ]
    }

    private static func amount(_ facts: AgreementFacts) -> [String] {
        let perYear = facts.totals.compactMap { total in total.year.map { "\($0): \(DocumentNotation.amount(total.municipality))" } }
        let term = facts.totals.first { $0.year == nil }?.municipality ?? .zero
        var paragraphs = [
            "De gemeente verleent de bibliotheek voor deze activiteiten per subsidiejaar een subsidie van ten hoogste: "
                + perYear.joined(separator: "; ") + (facts.multiYear ? "; samen \(DocumentNotation.amount(term))" : "")
                + ". Bijlage 1 geeft het bedrag per dienst; eenmalige kosten horen bij het jaar waarin zij vallen.",
        ]
        let published = facts.priced.years.filter { $0.status == .published }.map(\.year)
        let projected = facts.priced.years.filter { $0.status == .projected }
        if !published.isEmpty {
            paragraphs.append("Voor \(DocumentWording.list(published.map(String.init))) is het bedrag berekend met het gepubliceerde tariefboek van dat jaar.")
        }
        if let example = projected.first, let from = example.projectedFrom, let rates = example.assumptions {
            let years = DocumentWording.list(projected.map { String($0.year) })
            paragraphs.append("Voor \(years) was bij het opstellen van deze overeenkomst nog geen tariefboek gepubliceerd. Het bedrag voor "
                + "\(projected.count == 1 ? "dat jaar" : "die jaren") is een raming: tariefboek \(from), jaarlijks geïndexeerd met lonen "
                + "\(DocumentNotation.percent(TariffIndexer.percentText(rates.wage.rational))) en prijzen "
                + "\(DocumentNotation.percent(TariffIndexer.percentText(rates.price.rational))). Het subsidiebedrag van zo'n jaar is het bedrag volgens het tariefboek van dat jaar zodra het is gepubliceerd.")
            paragraphs.append("Wijkt dat bedrag meer dan 2\(DocumentNotation.space)% af van de raming, dan overleggen partijen vóór de verlening over de activiteiten of het bedrag en leggen zij de uitkomst vast in een wijziging (artikel 8).")
        }
        paragraphs.append("De gemeente verleent de subsidie onder voorbehoud dat de gemeenteraad voor het betrokken jaar voldoende middelen in de begroting beschikbaar stelt (artikel 4:34 Awb).")
        paragraphs.append("De subsidie is een bijdrage in de kosten van de eigen activiteiten van de bibliotheek en geen betaling voor diensten aan de gemeente; zij valt buiten de heffing van omzetbelasting. Bijdragen van scholen en deelnemers brengt de bibliotheek rechtstreeks bij hen in rekening; zij maken geen deel uit van de subsidie.")
        return paragraphs
    }

    private static func indexation(_ facts: AgreementFacts) -> [String] {
        let weights = facts.firstBook?.mixedWeights
        let mix = weights.map { " (\($0.wage) loon, \($0.price) prijs)" } ?? ""
        return [
            "Het tariefboek wordt elk jaar geïndexeerd: tarieven die vooral uit loonkosten bestaan met het loonpercentage, tarieven die vooral uit andere kosten bestaan met het prijspercentage, en gemengde tarieven met een gewogen percentage\(mix).",
            "Het loonpercentage volgt de loonontwikkeling van de cao die voor de bibliotheek geldt; het prijspercentage de verwachte prijsontwikkeling volgens het Centraal Planbureau. Het tariefboek van elk jaar vermeldt de gebruikte percentages: de cijfers die bij de publicatie bekend zijn. Een later definitief cijfer leidt niet tot herberekening.",
            "Elk tarief wordt geïndexeerd vanaf het gepubliceerde, afgeronde tarief van het jaar ervoor; het nieuwe tarief geldt vanaf 1 januari van het jaar van het tariefboek.",
        ]
    }

    private static func payment(_ facts: AgreementFacts) -> [String] {
        let schedule: String
        switch facts.payment {
        case .quarterly: schedule = "in vier gelijke termijnen, op 1 januari, 1 april, 1 juli en 1 oktober"
        case .monthly: schedule = "in twaalf gelijke termijnen, op de eerste dag van elke maand"
        case .yearly: schedule = "in één termijn, op 1 februari"
        }
        let account = facts.supplier.iban ?? DocumentWording.missing
        return [
            "De gemeente betaalt de subsidie van elk jaar als voorschot \(schedule); eenmalige kosten betaalt zij met de eerste termijn van hun jaar. Bijlage 3 geeft de bedragen per termijn.",
            "De gemeente betaalt op rekening \(account) ten name van \(facts.supplier.name ?? DocumentWording.missing)"
                + (facts.supplier.illustrative ? " \(DocumentWording.illustrativeMark)." : "."),
            "De voorschotten worden verrekend met de subsidie zoals die per jaar wordt vastgesteld (artikel 7).",
        ]
    }

    private static func settlement(_ facts: AgreementFacts) -> [String] {
        [
            "De bibliotheek vraagt vóór 1 april van elk jaar de vaststelling aan van de subsidie over het jaar ervoor. Zij voegt een inhoudelijk verslag toe, met de uitgevoerde activiteiten en geleverde prestaties tegenover bijlage 2 en een toelichting op elk verschil, en een financieel verslag.",
            "De gemeente stelt de subsidie voor elk subsidiejaar afzonderlijk vast\(facts.multiYear ? ", ook al omvat deze overeenkomst meer jaren" : "") (artikel 4:73 Awb), binnen 13 weken na ontvangst van de aanvraag, tenzij \(facts.regulation) een andere termijn noemt.",
            "Zijn activiteiten niet of niet volledig uitgevoerd, of zijn verplichtingen niet nagekomen, dan kan de gemeente de subsidie lager vaststellen (artikel 4:46 Awb), of vóór de vaststelling de verlening intrekken of ten nadele van de bibliotheek wijzigen (artikel 4:48 Awb).",
            "Het verschil tussen de vastgestelde subsidie en de betaalde voorschotten betaalt de gemeente bij, of de bibliotheek terug, binnen \(facts.paymentTermDays) dagen na de vaststelling.",
        ]
    }

    private static func termination(_ facts: AgreementFacts) -> [String] {
        var paragraphs = [
            "Deze overeenkomst eindigt van rechtswege op 31 december \(facts.last).",
            "Komt een partij een wezenlijke verplichting niet na, dan kan de andere partij haar schriftelijk in gebreke stellen met een redelijke termijn om alsnog na te komen. Blijft nakoming uit, dan kan zij de overeenkomst geheel of gedeeltelijk ontbinden.",
            "Trekt de gemeente de verlening van de subsidie in, of verleent zij voor een jaar geen subsidie, dan vervallen de verplichtingen uit deze overeenkomst voor dat jaar. Heeft de bibliotheek drie of meer jaren achtereen subsidie ontvangen, dan neemt de gemeente bij het beëindigen of verminderen ervan een redelijke termijn in acht (artikel 4:51 Awb).",
        ]
        if let terms = facts.schoolTerms {
            paragraphs.append("Voor de Bibliotheek op school sluit de bibliotheek met elke school een samenwerkingsovereenkomst voor \(terms.initialYears) jaar, die daarna telkens "
                + (terms.tacitRenewal ? "stilzwijgend " : "") + "met \(terms.renewalYears) jaar wordt verlengd, tenzij de school of de bibliotheek uiterlijk op 31 december van het jaar vóór het laatste jaar van de lopende periode opzegt.")
        }
        paragraphs.append("Bij beëindiging houden partijen rekening met de lopende verplichtingen van de bibliotheek tegenover scholen en partners.")
        return paragraphs
    }

    private static func liability(_ facts: AgreementFacts) -> [String] {
        let dbos = facts.schoolTerms != nil ? " (zoals leerlinggegevens bij de Bibliotheek op school)" : ""
        return [
            "De bibliotheek voert de activiteiten uit onder eigen verantwoordelijkheid. De gemeente is niet aansprakelijk voor schade die bij de uitvoering ontstaat, tenzij die het gevolg is van haar opzet of grove schuld.",
            "Kan een partij een verplichting door overmacht niet nakomen, dan meldt zij dat zo snel mogelijk aan de andere partij. De verplichting is opgeschort zolang de overmacht duurt; duurt die langer dan drie maanden, dan overleggen partijen over aanpassing van de activiteiten of het subsidiebedrag (artikel 8).",
            "De bibliotheek verwerkt persoonsgegevens van leden, deelnemers en leerlingen volgens de Algemene verordening gegevensbescherming (AVG). Waar zij gegevens verwerkt namens een school of de gemeente\(dbos), sluiten zij een verwerkersovereenkomst (artikel 28 AVG). Verslagen aan de gemeente bevatten geen gegevens die tot personen herleidbaar zijn.",
        ]
    }

    private static func consultation(_ facts: AgreementFacts) -> [String] {
        var paragraphs = [
            "Partijen overleggen ten minste eenmaal per jaar, uiterlijk op 1 juli, over de voortgang, de resultaten en de thema's voor het volgende jaar.",
            "De bibliotheek levert elk jaar vóór 1 mei haar bijdrage aan de planning-en-controlcyclus van de gemeente: de resultaten van het vorige jaar en de plannen voor het volgende, bruikbaar voor de raadsinformatiebrief over het bibliotheekwerk.",
        ]
        var known: [String] = []
        var unknown: [String] = []
        for party in [facts.municipality, facts.supplier] {
            if let contact = party.contact, let name = contact.name {
                let details = [contact.function, contact.email, contact.phone].compactMap { $0 }
                known.append("voor \(party.alias): \(name)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
                    + (party.illustrative ? " \(DocumentWording.illustrativeMark)" : ""))
            } else {
                unknown.append(party.alias)
            }
        }
        var contacts = known.isEmpty ? "" : "Contactpersonen zijn " + DocumentWording.list(known) + ". "
        if !unknown.isEmpty {
            contacts += "\(DocumentWording.capitalised(DocumentWording.list(unknown))) \(unknown.count == 1 ? "maakt haar" : "maken hun") contactpersoon binnen twee weken na ondertekening schriftelijk bekend. "
        }
        paragraphs.append(contacts + "Een nieuwe contactpersoon melden partijen schriftelijk.")
        return paragraphs
    }

    /// The conditions of an offerte: validity, subsidy and VAT, projected years, the council's
    /// budget, the agreement that follows, the school agreements, the marks.
    static func quoteConditions(_ facts: AgreementFacts, validUntil: CalendarDate, vatRate: String) -> [String] {
        var conditions = [
            "Deze offerte kan worden aanvaard tot en met \(validUntil.dutchString).",
            "De bedragen van de gemeente zijn subsidie: een bijdrage in de kosten van de activiteiten van de bibliotheek, buiten de reikwijdte van de btw. Na aanvaarding leggen partijen de afspraken vast in een uitvoeringsovereenkomst bij de verlening van de subsidie (artikel 4:36 Awb), met de activiteiten en prestaties in aantallen.",
        ]
        let lines = facts.priced.years.flatMap(\.lines)
        if lines.contains(where: { $0.payer == .school }) {
            conditions.append("De bijdrage van scholen voor de Bibliotheek op school brengt de bibliotheek bij de scholen in rekening, exclusief \(DocumentNotation.percent(vatRate)) btw; de btw staat er ter informatie bij. Zij maakt geen deel uit van de subsidie.")
        }
        if lines.contains(where: { $0.payer == .participants }) {
            conditions.append("Verwachte bijdragen van deelnemers staan er ter informatie bij; de bibliotheek int ze rechtstreeks bij de deelnemers en zij maken geen deel uit van de subsidie.")
        }
        let projected = facts.priced.years.filter { $0.status == .projected }
        if let example = projected.first, let from = example.projectedFrom, let rates = example.assumptions {
            conditions.append("Voor \(DocumentWording.list(projected.map { String($0.year) })) is nog geen tariefboek gepubliceerd. De bedragen voor \(projected.count == 1 ? "dat jaar zijn" : "die jaren zijn") een raming (‘raming’ in de tabellen): tariefboek \(from), jaarlijks geïndexeerd met lonen "
                + "\(DocumentNotation.percent(TariffIndexer.percentText(rates.wage.rational))) en prijzen \(DocumentNotation.percent(TariffIndexer.percentText(rates.price.rational))); het subsidiebedrag volgt het tariefboek van dat jaar zodra het is gepubliceerd.")
        }
        conditions.append("De subsidie wordt verleend onder voorbehoud dat de gemeenteraad voldoende middelen in de begroting beschikbaar stelt.")
        if let terms = facts.schoolTerms {
            conditions.append("Voor de Bibliotheek op school sluit de bibliotheek met elke school een samenwerkingsovereenkomst voor \(terms.initialYears) jaar, daarna telkens met \(terms.renewalYears) jaar verlengd tenzij tijdig opgezegd.")
        }
        conditions.append("(O) betekent een bedrag op offertebasis, (R) een richtprijs. De berekening per regel staat in de rekenbijlage bij deze offerte; die is een toelichting en hoort niet bij wat wordt ondertekend.")
        return conditions
    }
}
