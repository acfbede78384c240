import Testing
@testable import Workbook

@Suite("The package has every part, in a fixed order, and the same workbook gives the same bytes")
struct PackageTests {
    @Test("The same model gives the same bytes, and no clock is read")
    func deterministic() throws {
        let first = try sampleWorkbook().bytes()
        #expect(try sampleWorkbook().bytes() == first)
        #expect(try sampleWorkbook(created: day(2026, 1, 15)).bytes() == sampleWorkbook(created: day(2026, 1, 15)).bytes())
        let core = try part("docProps/core.xml", of: sampleWorkbook())
        #expect(!core.contains("<dcterms:") && !core.contains("T00:00:00Z"))
        let dated = try part("docProps/core.xml", of: sampleWorkbook(created: day(2026, 1, 15)))
        #expect(dated.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-15T00:00:00Z</dcterms:created>"))
        #expect(dated.contains("<dc:title>Offerteregels 2026</dc:title><dc:creator>Financiën</dc:creator>"))
    }

    @Test("The parts come in a fixed order with content types and relationships for each")
    func parts() throws {
        let workbook = try sampleWorkbook()
        let names = try WorkbookPackage(workbook: workbook).archive().entries.map(\.name)
        #expect(names == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
        ])
        let types = try part("[Content_Types].xml", of: workbook)
        for name in names where name.hasSuffix(".xml") && name != "[Content_Types].xml" {
            #expect(types.contains("<Override PartName=\"/\(name)\""), "\(name) has no content type")
        }
        let relationships = try part("xl/_rels/workbook.xml.rels", of: workbook)
        #expect(relationships.contains("Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet3.xml\""))
        #expect(relationships.contains("Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""))
    }

    @Test("The workbook names the sheets in order, with their filter ranges and print titles")
    func workbookPart() throws {
        let xml = try part("xl/workbook.xml", of: sampleWorkbook())
        #expect(xml.contains("<sheet name=\"Regels\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Toelichting &amp; &apos;n noot\" sheetId=\"2\" r:id=\"rId2\"/>"))
        #expect(xml.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">&apos;Regels&apos;!$A$1:$H$4</definedName>"))
        #expect(xml.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"1\" hidden=\"1\">&apos;Toelichting &amp; &apos;&apos;n noot&apos;!$A$1:$A$13</definedName>"))
        #expect(xml.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">&apos;Grenzen&apos;!$1:$1</definedName>"))
    }

    @Test("A sheet has a frozen bold header, widths, formats and a filter that leaves out the totals")
    func sheetPart() throws {
        let xml = try part("xl/worksheets/sheet1.xml", of: sampleWorkbook())
        #expect(xml.contains("<dimension ref=\"A1:H5\"/><sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"30\" customWidth=\"1\"/><col min=\"3\" max=\"3\" width=\"8\" style=\"1\" customWidth=\"1\"/>"))
        #expect(xml.contains("<c r=\"C2\" s=\"1\"><v>2026</v></c>"))
        #expect(xml.hasSuffix("</sheetData><autoFilter ref=\"A1:H4\"/></worksheet>"))
        #expect(!(try part("xl/worksheets/sheet2.xml", of: sampleWorkbook()).contains("tabSelected")))
        let styles = try part("xl/styles.xml", of: sampleWorkbook())
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"[$€-413] #,##0.00;[$€-413] -#,##0.00\"/>"))
        #expect(styles.contains("<numFmt numFmtId=\"165\" formatCode=\"d-m-yyyy\"/>"))
        #expect(styles.contains("<cellXfs count=\"9\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"))
    }

    @Test("Hostile text is escaped, Excel's _xHHHH_ escapes are protected, empty text is left out")
    func hostileText() throws {
        let strings = try part("xl/sharedStrings.xml", of: sampleWorkbook())
        #expect(strings.contains("<t>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</t>"))
        #expect(strings.contains("<t>_x005F_x0041_ is not an A</t>"))
        #expect(strings.contains("<t xml:space=\"preserve\">  leading and trailing spaces  </t>"))
        #expect(strings.contains("<t>NUL\u{FFFD}here</t>"))
        #expect(!strings.unicodeScalars.contains { !XMLText.isAllowed($0) })
        #expect(SharedStrings.protectingExcelEscapes("_x0041_x0042_ _x00G1_ _x004") == "_x005F_x0041_x005F_x0042_ _x00G1_ _x004")
        let notes = try part("xl/worksheets/sheet2.xml", of: sampleWorkbook())
        #expect(notes.contains("<row r=\"13\"></row>"))
    }

    @Test("unzip -t finds no errors in the workbook", .enabled(if: executableOnPath("unzip") != nil, "unzip is not installed"))
    func unzipTests() throws {
        let path = try writeTemporaryFile(sampleWorkbook().bytes(), named: "sample.xlsx")
        let result = try #require(runTool(executableOnPath("unzip")!, ["-t", path]))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("No errors detected in compressed data"), "\(result.output)")
    }
}
