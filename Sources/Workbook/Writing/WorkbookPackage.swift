/// What every part starts with, and the namespaces the parts share.
enum PartXML {
    /// The XML declaration, UTF-8 and standalone, as Excel writes it.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// SpreadsheetML.
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// Relationship ids in a part (`r:id`).
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Package relationship parts (`.rels`).
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// The base of the office document relationship types.
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    /// The base of the SpreadsheetML content types.
    static let spreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    /// A `.rels` part with relationships `rId1`, `rId2`, … of the given types and targets.
    static func relationships(_ relationships: [(type: String, target: String)]) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for (index, relationship) in relationships.enumerated() {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationship.type)\" Target=\"\(relationship.target)\"/>"
        }
        return xml + "</Relationships>"
    }
}

/// The parts of an XLSX package and the ZIP archive that holds them, always in the same order.
struct WorkbookPackage {
    /// The workbook to write.
    let workbook: Workbook

    /// The archive: content types, package relationships, document properties, then the
    /// workbook, its relationships, styles, shared strings and sheets.
    func archive() throws(ZipError) -> ZipArchive {
        var styles = StyleTable()
        var strings = SharedStrings()
        let sheets = workbook.sheets.enumerated().map { index, sheet in
            SheetWriter(sheet: sheet, isFirst: index == 0).xml(styles: &styles, strings: &strings)
        }
        let hasStrings = !strings.texts.isEmpty
        var archive = ZipArchive()
        try archive.add(name: "[Content_Types].xml", bytes: Array(contentTypes(hasStrings: hasStrings).utf8))
        try archive.add(name: "_rels/.rels", bytes: Array(PartXML.relationships([
            (PartXML.relationshipType + "officeDocument", "xl/workbook.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            (PartXML.relationshipType + "extended-properties", "docProps/app.xml"),
        ]).utf8))
        try archive.add(name: "docProps/app.xml", bytes: Array(DocumentParts.app(workbook.properties).utf8))
        try archive.add(name: "docProps/core.xml", bytes: Array(DocumentParts.core(workbook.properties).utf8))
        try archive.add(name: "xl/workbook.xml", bytes: Array(workbookXML.utf8))
        try archive.add(name: "xl/_rels/workbook.xml.rels", bytes: Array(workbookRelationships(hasStrings: hasStrings).utf8))
        try archive.add(name: "xl/styles.xml", bytes: Array(styles.xml.utf8))
        if hasStrings {
            try archive.add(name: "xl/sharedStrings.xml", bytes: Array(strings.xml.utf8))
        }
        for (index, sheet) in sheets.enumerated() {
            try archive.add(name: "xl/worksheets/sheet\(index + 1).xml", bytes: Array(sheet.utf8))
        }
        return archive
    }

    /// `[Content_Types].xml`: the type of every part.
    private func contentTypes(hasStrings: Bool) -> String {
        var xml = PartXML.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        func override(_ part: String, _ type: String) -> String {
            "<Override PartName=\"/\(part)\" ContentType=\"\(type)\"/>"
        }
        xml += override("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        xml += override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        xml += override("xl/workbook.xml", PartXML.spreadsheetType + "sheet.main+xml")
        xml += override("xl/styles.xml", PartXML.spreadsheetType + "styles+xml")
        if hasStrings { xml += override("xl/sharedStrings.xml", PartXML.spreadsheetType + "sharedStrings+xml") }
        for index in workbook.sheets.indices {
            xml += override("xl/worksheets/sheet\(index + 1).xml", PartXML.spreadsheetType + "worksheet+xml")
        }
        return xml + "</Types>"
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets (`rId1` to `rIdN`), then styles and shared strings.
    private func workbookRelationships(hasStrings: Bool) -> String {
        var relationships = workbook.sheets.indices.map { index in
            (type: PartXML.relationshipType + "worksheet", target: "worksheets/sheet\(index + 1).xml")
        }
        relationships.append((type: PartXML.relationshipType + "styles", target: "styles.xml"))
        if hasStrings { relationships.append((type: PartXML.relationshipType + "sharedStrings", target: "sharedStrings.xml")) }
        return PartXML.relationships(relationships)
    }

    /// `xl/workbook.xml`: the sheets in order, and per sheet the filter range Excel keeps as a
    /// hidden name and the header row repeated on every printed page.
    private var workbookXML: String {
        var xml = PartXML.declaration
        xml += "<workbook xmlns=\"\(PartXML.mainNamespace)\" xmlns:r=\"\(PartXML.relationshipsNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.escapedAttribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets><definedNames>"
        for (index, sheet) in workbook.sheets.enumerated() {
            let quoted = "'" + sheet.name.replacing("'", with: "''") + "'!"
            let range = SheetWriter.filterRange(of: sheet).split(separator: ":").map { absolute($0) }.joined(separator: ":")
            xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
            xml += XMLText.escapedText(quoted + range) + "</definedName>"
        }
        for (index, sheet) in workbook.sheets.enumerated() {
            let quoted = "'" + sheet.name.replacing("'", with: "''") + "'!"
            xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
            xml += XMLText.escapedText(quoted + "$1:$1") + "</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    /// `A1` as `$A$1`.
    private func absolute(_ reference: Substring) -> String {
        let letters = reference.prefix { $0.isLetter }
        return "$\(letters)$\(reference.dropFirst(letters.count))"
    }
}

/// The document property parts. They hold a date only when one is given, never the clock's.
enum DocumentParts {
    /// `docProps/core.xml`: title, subject, creator and the day the document was made.
    static func core(_ properties: DocumentProperties) -> String {
        var xml = PartXML.declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if let title = properties.title { xml += "<dc:title>\(XMLText.escapedText(title))</dc:title>" }
        if let subject = properties.subject { xml += "<dc:subject>\(XMLText.escapedText(subject))</dc:subject>" }
        if let creator = properties.creator { xml += "<dc:creator>\(XMLText.escapedText(creator))</dc:creator>" }
        if let created = properties.created {
            xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created)T00:00:00Z</dcterms:created>"
            xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(created)T00:00:00Z</dcterms:modified>"
        }
        return xml + "</cp:coreProperties>"
    }

    /// `docProps/app.xml`: the application, when named.
    static func app(_ properties: DocumentProperties) -> String {
        var xml = PartXML.declaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        xml += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        if let application = properties.application {
            xml += "<Application>\(XMLText.escapedText(application))</Application>"
        }
        return xml + "</Properties>"
    }
}
