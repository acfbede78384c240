import Foundation
import Testing
import TestSupport
import Workbook

@Suite("LibreOffice in Dutch shows the workbook as finance expects")
struct LibreOfficeTests {
    /// Opens the sample in LibreOffice with a Dutch locale and saves the first sheet as CSV the
    /// way the cells are shown. Runs only where LibreOffice is installed; it takes a few seconds.
    @Test("Amounts, percentages, dates, years and booleans are shown the Dutch way",
          .enabled(if: executableOnPath("soffice") != nil, "LibreOffice (soffice) is not installed"))
    func dutchDisplay() throws {
        let path = try writeTemporaryFile(sampleWorkbook().bytes(), named: "sample.xlsx")
        let directory = temporaryDirectory(prefix: "workbook-libreoffice")
        // Separator ;, quote ", UTF-8, start row 1, Dutch, cells as shown, first sheet.
        let filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true,true,false,false,1"
        let result = try #require(runTool(executableOnPath("soffice")!, [
            "-env:UserInstallation=file://\(directory)/profile", "--headless", "--convert-to", filter, "--outdir", directory, path,
        ], environment: ["LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8"]))
        #expect(result.status == 0, "\(result.output)")
        #expect(readFile(directory + "/sample-Regels.csv") == """
            Gemeente;Dienst;Jaar;Bedrag;Indexatie;Ingangsdatum;Uren;Jaarlijks
            Midden-Drenthe;Robuuste bibliotheek;2026;€ 1.234,56;3,75%;1-1-2026;40,5;WAAR
            Midden-Drenthe;dBos PO;2026;€ 0,30;-2,10%;31-12-2999;0,0;ONWAAR
            Aa en Hunze;Maatwerk;2027;€ -0,01;;1-3-1900;;
            Totaal;;;€ 1.234,85;;;;

            """)
    }
}
