import Catalogue
import JSON
import Support

/// Reads a municipality profile, reporting every problem at once.
public enum ProfileLoader {
    /// Loads the profile in `file`.
    public static func load(file: String) throws(InputError) -> MunicipalityProfile {
        try load(bytes: try FileSystem.readFile(file, limit: FileSystem.maximumProfileOrOfferBytes), file: file)
    }

    /// Loads a profile from its bytes; `file` names it in messages.
    public static func load(bytes: [UInt8], file: String) throws(InputError) -> MunicipalityProfile {
        let root = try parseInputJSON(bytes, file: file)
        let collector = DiagnosticCollector(file: file)
        let profile = decode(root, collector: collector)
        try collector.throwIfAny()
        guard let profile else { throw .invalid([Diagnostic(file: file, path: .root, message: "not a municipality profile")]) }
        return profile
    }

    static func decode(_ root: JSONValue, collector: DiagnosticCollector) -> MunicipalityProfile? {
        guard let reader = ObjectReader(root, at: .root, collector: collector) else { return nil }
        let code = reader.code("code")
        let name = reader.documentText("name")
        _ = reader.string("notes", required: false)
        _ = reader.strings("sources", required: false)
        let inhabitants = reader.array("inhabitants", required: false).map { elements in
            decodeList(elements, limit: InputLimits.inhabitantCounts, noun: "inhabitant counts",
                       at: reader.path.appending("inhabitants"), collector: collector, decodeInhabitants)
        } ?? []
        let branches = reader.array("branches", required: false).map { elements in
            decodeList(elements, limit: InputLimits.branches, noun: "branches",
                       at: reader.path.appending("branches"), collector: collector, decodeBranch)
        } ?? []
        let schools = reader.array("schools", required: false).map { elements in
            decodeList(elements, limit: InputLimits.schools, noun: "schools",
                       at: reader.path.appending("schools"), collector: collector, decodeSchool)
        } ?? []
        let childcare = reader.array("childcareLocations", required: false).map { elements in
            decodeList(elements, limit: InputLimits.locations, noun: "childcare locations",
                       at: reader.path.appending("childcareLocations"), collector: collector, decodeLocation)
        } ?? []
        let bureaus = reader.array("consultationBureaus", required: false).map { elements in
            decodeList(elements, limit: InputLimits.locations, noun: "consultation bureaus",
                       at: reader.path.appending("consultationBureaus"), collector: collector, decodeLocation)
        } ?? []
        let parties = decodeParties(reader)
        reader.finish()

        reportDuplicates(inhabitants.map { $0.value.date.description }, paths: inhabitants.map { $0.path.appending("date") },
                         noun: "an inhabitant count dated", collector: collector)
        for (list, field) in [(branches.map { ($0.value.id, $0.path) }, "branch"), (schools.map { ($0.value.id, $0.path) }, "school"),
                              (childcare.map { ($0.value.id, $0.path) }, "childcare location"),
                              (bureaus.map { ($0.value.id, $0.path) }, "consultation bureau")] {
            reportDuplicates(list.map(\.0), paths: list.map { $0.1.appending("id") }, noun: "\(field) id", collector: collector)
        }
        guard let code, let name else { return nil }
        var profile = MunicipalityProfile(
            code: code, name: name, inhabitants: inhabitants.map(\.value), branches: branches.map(\.value),
            schools: schools.map(\.value), childcareLocations: childcare.map(\.value), consultationBureaus: bureaus.map(\.value))
        profile.parties = parties
        return profile
    }

    /// The municipality's parties' data at the top level of the profile.
    private static func decodeParties(_ reader: ObjectReader) -> MunicipalityParties {
        MunicipalityParties(
            legalName: reader.documentText("legalName", required: false), address: reader.postalAddress(),
            oin: reader.checked("oin", PartyFormats.oinProblem), kvk: reader.checked("kvk", PartyFormats.kvkProblem),
            signatory: reader.signatory(), invoiceReference: reader.documentText("invoiceReference", required: false),
            subsidyRegulation: reader.documentText("subsidyRegulation", required: false), contact: reader.contactPerson(),
            illustrative: reader.boolean("illustrative", required: false) ?? false)
    }

    private static func decodeList<Element>(
        _ elements: [(value: JSONValue, path: JSONPath)], limit: Int, noun: String, at path: JSONPath,
        collector: DiagnosticCollector, _ decode: (ObjectReader) -> Element?
    ) -> [(value: Element, path: JSONPath)] {
        if elements.count > limit {
            collector.report(path, "a profile has at most \(limit) \(noun), found \(elements.count)")
            return []
        }
        return elements.compactMap { element in
            guard let reader = ObjectReader(element.value, at: element.path, collector: collector) else { return nil }
            defer { reader.finish() }
            return decode(reader).map { ($0, element.path) }
        }
    }

    private static func decodeInhabitants(_ reader: ObjectReader) -> InhabitantCount? {
        let dateText = reader.string("date")
        var date: CalendarDate?
        if let dateText {
            date = CalendarDate(parsing: dateText)
            if date == nil {
                reader.collector.report(reader.path.appending("date"), "expected a date like \"2025-01-01\", found \(quotedText(dateText))")
            }
        }
        let count = reader.integer("count", in: InputLimits.inhabitants)
        let source = reader.documentText("source", required: false)
        let illustrative = reader.boolean("illustrative", required: false) ?? false
        guard let date, let count else { return nil }
        return InhabitantCount(date: date, count: count, source: source, illustrative: illustrative)
    }

    private static func decodeBranch(_ reader: ObjectReader) -> Branch? {
        let id = reader.code("id")
        let name = reader.documentText("name")
        let size = reader.choice("size", BranchSize.self, named: "branch size")
        let illustrative = reader.boolean("illustrative", required: false) ?? false
        _ = reader.string("note", required: false)
        guard let id, let name, let size else { return nil }
        return Branch(id: id, name: name, size: size, illustrative: illustrative)
    }

    private static func decodeSchool(_ reader: ObjectReader) -> School? {
        let id = reader.code("id")
        let name = reader.documentText("name")
        let level = reader.choice("level", SchoolLevel.self, named: "school level")
        let pupils = reader.integer("pupils", in: InputLimits.pupils)
        let illustrative = reader.boolean("illustrative", required: false) ?? false
        _ = reader.string("note", required: false)
        let parties = SchoolParties(legalName: reader.documentText("legalName", required: false), address: reader.postalAddress(),
                                    kvk: reader.checked("kvk", PartyFormats.kvkProblem),
                                    invoiceReference: reader.documentText("invoiceReference", required: false))
        guard let id, let name, let level, let pupils else { return nil }
        var school = School(id: id, name: name, level: level, pupils: pupils, illustrative: illustrative)
        school.parties = parties
        return school
    }

    private static func decodeLocation(_ reader: ObjectReader) -> Location? {
        let id = reader.code("id")
        let name = reader.documentText("name")
        let illustrative = reader.boolean("illustrative", required: false) ?? false
        _ = reader.string("note", required: false)
        guard let id, let name else { return nil }
        return Location(id: id, name: name, illustrative: illustrative)
    }

    private static func reportDuplicates(_ keys: [String], paths: [JSONPath], noun: String, collector: DiagnosticCollector) {
        var seen: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            if let first = seen[key] {
                collector.report(paths[index], "duplicate \(noun) \(quotedText(key)); first at \(paths[first])")
            } else {
                seen[key] = index
            }
        }
    }
}

/// A string in double quotes, for messages.
func quotedText(_ text: String) -> String {
    quoted(text)
}
