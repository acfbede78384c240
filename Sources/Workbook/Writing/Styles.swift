/// How a number is shown. The codes are stored in the file in Excel's invariant form (`,` for
/// thousands, `.` for decimals); Dutch Excel and LibreOffice show them the Dutch way.
enum NumberFormat: Hashable {
    /// No format: text and booleans.
    case general
    /// `#,##0`: 1.234 in Dutch Excel.
    case integer
    /// `0`: 2026, for years and codes.
    case ungroupedInteger
    /// Euros with the Dutch currency locale (0x413): € 1.234,56 and € -1.234,56.
    case amount
    /// `#,##0.` and `places` zeros.
    case decimal(places: Int)
    /// `0.00%`.
    case percentage
    /// `d-m-yyyy`: 1-1-2026.
    case date

    /// The format code.
    var code: String {
        switch self {
        case .general: "General"
        case .integer: "#,##0"
        case .ungroupedInteger: "0"
        case .amount: "[$€-413] #,##0.00;[$€-413] -#,##0.00"
        case .decimal(let places): places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
        case .percentage: "0.00%"
        case .date: "d-m-yyyy"
        }
    }

    /// The number of Excel's built-in format with the same code, which needs no `<numFmt>`.
    var builtInID: Int? {
        switch self {
        case .general: 0
        case .ungroupedInteger: 1
        case .integer, .decimal(places: 0): 3
        case .decimal(places: 2): 4
        case .percentage: 10
        default: nil
        }
    }

    /// The format of a column's kind, for the column's default style.
    init(_ kind: ColumnKind) {
        switch kind {
        case .text, .boolean: self = .general
        case .integer: self = .integer
        case .year: self = .ungroupedInteger
        case .amount: self = .amount
        case .decimal(let places): self = .decimal(places: places)
        case .percentage: self = .percentage
        case .date: self = .date
        }
    }
}

/// A cell format: a number format, regular or bold.
struct CellStyle: Hashable {
    /// How numbers are shown.
    let format: NumberFormat
    /// Bold, for the header and total rows.
    let bold: Bool
}

/// The cell formats a workbook uses, numbered in the order of first use; 0 is General, regular.
struct StyleTable {
    /// The formats, by index.
    private(set) var styles: [CellStyle] = [CellStyle(format: .general, bold: false)]
    private var indexes: [CellStyle: Int] = [CellStyle(format: .general, bold: false): 0]

    /// The index of a format, adding it when new.
    mutating func index(of style: CellStyle) -> Int {
        if let index = indexes[style] { return index }
        styles.append(style)
        indexes[style] = styles.count - 1
        return styles.count - 1
    }

    /// The custom number formats with their ids, 164 and up, in the order of first use.
    var customFormats: [(id: Int, format: NumberFormat)] {
        var formats: [(id: Int, format: NumberFormat)] = []
        for style in styles where style.format.builtInID == nil && !formats.contains(where: { $0.format == style.format }) {
            formats.append((id: 164 + formats.count, format: style.format))
        }
        return formats
    }

    /// `xl/styles.xml`: the number formats, a regular and a bold font, the two fills and the
    /// border Excel requires, and one `<xf>` per cell format.
    var xml: String {
        let custom = customFormats
        let customIDs = Dictionary(uniqueKeysWithValues: custom.map { ($0.format, $0.id) })
        var xml = PartXML.declaration
        xml += "<styleSheet xmlns=\"\(PartXML.mainNamespace)\">"
        if !custom.isEmpty {
            xml += "<numFmts count=\"\(custom.count)\">"
            for (id, format) in custom {
                xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLText.escapedAttribute(format.code))\"/>"
            }
            xml += "</numFmts>"
        }
        let font = "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>"
        xml += "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        xml += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(styles.count)\">"
        for style in styles {
            let formatID = style.format.builtInID ?? customIDs[style.format] ?? 0
            xml += "<xf numFmtId=\"\(formatID)\" fontId=\"\(style.bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            xml += formatID == 0 ? "" : " applyNumberFormat=\"1\""
            xml += style.bold ? " applyFont=\"1\"/>" : "/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }
}
