import Catalogue
import Money
import Support

/// The one signature block of every document the tool makes (offerte, uitvoeringsovereenkomst,
/// wijziging): a sentence, then for each party its name and a labelled line for place, date,
/// name, function and signature, with the name and function filled in when known. A concept's
/// sentence says it is not for signing and states no acceptance.
struct SignatureBlock {
    /// The sentence above the blocks.
    var statement: String
    /// The parties in the order they sign, each with the heading of its block.
    var parties: [(heading: String, party: DocumentParty)]

    /// The labels of the lines, the same in every document.
    static let fields = ["Plaats", "Datum", "Naam", "Functie", "Handtekening"]

    /// The text filled in on a line, or nil for a blank line.
    static func filled(_ field: String, _ party: DocumentParty) -> String? {
        let mark = party.illustrative ? " \(DocumentWording.illustrativeMark)" : ""
        switch field {
        case "Naam": return party.signatory?.name.map { $0 + mark }
        case "Functie": return party.signatory?.function.map { $0 + mark }
        default: return nil
        }
    }

    /// "Not for signing" for a concept.
    static let conceptStatement = "Concept — niet ter ondertekening. Een concept bevat geen aanvaarding en bindt geen van beide partijen."

    /// The offerte's block: the municipality accepts, the library has made the offer.
    static func quote(_ document: QuoteDocument) -> SignatureBlock {
        SignatureBlock(
            statement: document.release.isConcept ? conceptStatement
                : "Voor akkoord: door ondertekening aanvaardt de gemeente offerte \(document.reference).",
            parties: [("Voor akkoord namens de gemeente", document.municipality), ("Namens de bibliotheek", document.supplier)])
    }

    /// The agreement's block.
    static func agreement(_ document: AgreementDocument) -> SignatureBlock {
        SignatureBlock(
            statement: document.release.isConcept ? conceptStatement : "Aldus overeengekomen en in tweevoud ondertekend.",
            parties: [("Namens de gemeente", document.municipality), ("Namens de bibliotheek", document.supplier)])
    }

    /// An amendment's block.
    static func amendment(_ document: AmendmentDocument) -> SignatureBlock {
        SignatureBlock(
            statement: "Aldus overeengekomen als wijziging \(document.sequence) van uitvoeringsovereenkomst \(document.agreementReference) en in tweevoud ondertekend.",
            parties: [("Namens de gemeente", document.municipality), ("Namens de bibliotheek", document.supplier)])
    }
}

/// The fixed Dutch wording of the offerte.
enum QuoteWording {
    /// The opening sentence, naming the years.
    static func introduction(_ document: QuoteDocument) -> String {
        var period = ""
        if let first = document.years.first?.year, let last = document.years.last?.year {
            period = first == last ? " in \(first)" : " in de jaren \(first) tot en met \(last)"
        }
        return "Hierbij doet de bibliotheek de gemeente een voorstel voor haar activiteiten\(period) en voor het subsidiebedrag dat de gemeente daarvoor verleent. Het overzicht hieronder geeft per dienst het bedrag per jaar; de berekening per regel staat in de rekenbijlage."
    }

    /// How the municipality accepts; a concept cannot be accepted.
    static func howToAccept(_ document: QuoteDocument) -> String {
        guard !document.release.isConcept else {
            return "Dit is een concept en kan niet worden aanvaard. Na bespreking stuurt de bibliotheek de definitieve offerte."
        }
        let supplier = document.supplier
        var sentence = "De gemeente aanvaardt deze offerte door haar uiterlijk op \(document.validUntil.dutchString) ondertekend terug te sturen aan "
            + "\(supplier.name ?? DocumentWording.missing), \(DocumentWording.address(supplier.address))"
        if let email = supplier.contact?.email { sentence += ", of per e-mail aan \(email)" }
        return sentence + ". De bibliotheek stuurt daarna de uitvoeringsovereenkomst ter ondertekening."
    }
}

/// The fixed Dutch wording of the agreement.
enum AgreementWording {
    /// The line under the title.
    static func subtitle(_ document: AgreementDocument) -> String {
        "ter uitvoering van de subsidieverlening voor het openbaar bibliotheekwerk, \(DocumentWording.term(first: document.firstYear, last: document.lastYear))"
    }
}

extension DocumentWording {
    /// The agreement's annexes by name, in order.
    static let agreementAnnexes = [
        "Subsidiebedrag per jaar en per dienst",
        "Activiteiten en prestaties, met het dienstverleningsniveau per school",
        "Betalingsschema van de voorschotten",
        "Gebruikte tariefboeken",
    ]

    /// The introduction of annex 2's table of activities.
    static let activitiesIntroduction = "Per dienst wat de bibliotheek in elk subsidiejaar doet, met de aantallen, uren en niveaus waaraan zij zich verbindt. Een jaartal tussen haakjes beperkt een afspraak tot die jaren."

    /// The introduction of annex 4.
    static let booksIntroduction = "De bedragen van deze overeenkomst zijn berekend met deze tariefboeken; de hash (SHA-256) identificeert de tekst van elk boek zoals die bij het uitbrengen van de offerte is vastgelegd."
}
