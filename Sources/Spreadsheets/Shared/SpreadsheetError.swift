import Workbook

/// Why a workbook could not be built from a command's result.
public enum SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The workbook refused a sheet or a cell, e.g. more rows than Excel allows.
    case workbook(WorkbookError)
    /// Amounts that should add up do not, or a sum left the supported range: a bug, never a wrong total.
    case inconsistent(String)

    /// A plain English explanation.
    public var description: String {
        switch self {
        case .workbook(let error): "the workbook cannot be made: \(error)"
        case .inconsistent(let message): "the workbook's amounts do not add up: \(message)"
        }
    }

    /// Whether the cause is the size of the input (too many rows for a sheet), not a bug.
    public var isTooLarge: Bool {
        if case .workbook(.tooManyRows) = self { return true }
        return false
    }
}

/// Runs a step of building a sheet, turning the workbook's typed error into a `SpreadsheetError`.
func building<T>(_ step: () throws(WorkbookError) -> T) throws(SpreadsheetError) -> T {
    do {
        return try step()
    } catch {
        throw .workbook(error)
    }
}
