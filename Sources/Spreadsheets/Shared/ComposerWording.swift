import Pricing

/// Dutch wording of what the composer says in English: the option chosen for a service ("all 4
/// branches", "package groot, 2 of 4 branches: Beilen, Smilde") and why a service was not
/// composed. Wording it does not know is kept as it is.
enum ComposerWording {
    /// The Dutch label of an option.
    static func option(_ label: String) -> String {
        switch label {
        case "not taken": return "niet gekozen"
        case "taken": return "gekozen"
        default: break
        }
        if label.hasPrefix("package ") {
            let rest = label.dropFirst("package ".count)
            guard let comma = rest.firstRange(of: ", ") else { return "pakket \(rest)" }
            return "pakket \(rest[..<comma.lowerBound]), " + scope(String(rest[comma.upperBound...]))
        }
        return scope(label)
    }

    /// "all 18 po schools" → "alle 18 po-scholen"; "2 of 4 branches: Beilen, Smilde" → "2 van 4
    /// vestigingen: Beilen, Smilde"; "the 1 branch" → "de enige vestiging".
    static func scope(_ text: String) -> String {
        if text == "for the municipality" { return "voor de hele gemeente" }
        if text.hasPrefix("the 1 "), let noun = noun(String(text.dropFirst("the 1 ".count))) { return "de enige \(noun)" }
        if text.hasPrefix("all ") {
            let words = text.dropFirst("all ".count).split(separator: " ", maxSplits: 1)
            if words.count == 2, let noun = noun(String(words[1])) { return "alle \(words[0]) \(noun)" }
        }
        if let colon = text.firstRange(of: " branches: ") {
            let counts = text[..<colon.lowerBound].split(separator: " ")
            if counts.count == 3, counts[1] == "of" {
                return "\(counts[0]) van \(counts[2]) vestigingen: " + text[colon.upperBound...]
            }
        }
        return text
    }

    /// The Dutch noun for the composer's English one, singular or plural.
    private static func noun(_ english: String) -> String? {
        let nouns = [
            "branch": "vestiging", "branches": "vestigingen", "school": "school", "schools": "scholen",
            "po school": "po-school", "po schools": "po-scholen", "vo school": "vo-school", "vo schools": "vo-scholen",
            "childcare location": "kinderopvanglocatie", "childcare locations": "kinderopvanglocaties",
            "consultation bureau": "consultatiebureau", "consultation bureaus": "consultatiebureaus",
        ]
        return nouns[english]
    }

    /// Why a service was not composed, in Dutch.
    static func reason(_ reason: String) -> String {
        switch reason {
        case "excluded (--exclude)": return "uitgesloten (--exclude)"
        case "priced by the hours agreed per assignment; add it to the offer by hand":
            return "geprijsd naar de uren die per opdracht worden afgesproken; voeg de dienst met de hand aan de offerte toe"
        case "priced on custom quote only; add it to the offer by hand with the quoted amount":
            return "alleen op offerte geprijsd; voeg de dienst met de hand aan de offerte toe met het geoffreerde bedrag"
        default: break
        }
        if reason.hasPrefix("needs "), reason.hasSuffix(", which is excluded") {
            return "vereist " + reason.dropFirst("needs ".count).dropLast(", which is excluded".count) + ", dat is uitgesloten"
        }
        if reason.hasPrefix("does not apply to ") {
            return "niet van toepassing op " + reason.dropFirst("does not apply to ".count)
        }
        return reason
    }

    /// Why a service must be taken: "Basis" or "vereist (--require)".
    static func mandatory(_ reason: MandatoryReason?) -> String? {
        switch reason {
        case .basis: "Basis"
        case .required: "vereist (--require)"
        case nil: nil
        }
    }
}
