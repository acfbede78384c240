/// An XLSX workbook: ordered sheets and the document's properties, written by `bytes()` as an
/// Office Open XML package that Excel and LibreOffice open without repairs.
///
/// The output is deterministic: the same sheets and properties give the same bytes, and no clock
/// is read (the document carries a date only when `properties.created` is set).
public struct Workbook: Sendable, Hashable {
    /// The sheets, in the order of their tabs; the first is the one that opens.
    public private(set) var sheets: [Sheet] = []
    /// The title, author and date of the document.
    public var properties: DocumentProperties

    /// A workbook without sheets; add at least one before writing.
    public init(properties: DocumentProperties = DocumentProperties()) {
        self.properties = properties
    }

    /// A workbook of the given sheets; refuses names that are the same but for case.
    public init(sheets: [Sheet], properties: DocumentProperties = DocumentProperties()) throws(WorkbookError) {
        self.properties = properties
        for sheet in sheets { try append(sheet) }
    }

    /// Adds a sheet after the others; refuses a name already used, whatever its case.
    public mutating func append(_ sheet: Sheet) throws(WorkbookError) {
        let key = sheet.name.lowercased()
        if let existing = sheets.first(where: { $0.name.lowercased() == key }) {
            throw .duplicateSheetName(sheet.name, existing: existing.name)
        }
        sheets.append(sheet)
    }

    /// The `.xlsx` file's bytes; refuses a workbook without sheets or too large for ZIP32.
    public func bytes() throws(WorkbookError) -> [UInt8] {
        guard !sheets.isEmpty else { throw .noSheets }
        let parts = WorkbookPackage(workbook: self)
        do {
            return try parts.archive().bytes()
        } catch {
            throw .archive(error)
        }
    }
}

/// The document's properties, written to `docProps/core.xml` and `docProps/app.xml`.
public struct DocumentProperties: Sendable, Hashable {
    /// The title (File > Info in Excel).
    public var title: String?
    /// The subject.
    public var subject: String?
    /// The author.
    public var creator: String?
    /// The day the document was made, written as created and modified at 00:00 UTC; nil writes
    /// no date at all, so the output does not depend on the clock.
    public var created: CalendarDay?
    /// The application that wrote the document.
    public var application: String?

    /// Properties; all are optional.
    public init(title: String? = nil, subject: String? = nil, creator: String? = nil,
                created: CalendarDay? = nil, application: String? = nil) {
        self.title = title
        self.subject = subject
        self.creator = creator
        self.created = created
        self.application = application
    }
}
