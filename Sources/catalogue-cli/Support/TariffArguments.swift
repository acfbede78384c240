import Catalogue
import Pricing
import Support

/// The reference of an agreement, `UVO-2026-001`: text without control or bidirectional
/// override characters, at most 64 characters. Its form is not checked further, so a near miss
/// (`UVO-2026-01`) still reaches the store, which answers with the closest reference.
struct AgreementReference: ArgumentValue, Hashable {
    var text: String

    static func convert(_ text: String) -> AgreementReference? {
        guard !text.isEmpty, text.unicodeScalars.count <= 64, DocumentText.problem(in: text) == nil else { return nil }
        return AgreementReference(text: text)
    }
    static var expectation: String { "an agreement reference like UVO-2026-001 ('catalogue-cli contract list' shows them)" }
}

/// The formats of `contract notices`: a text listing for people, or JSON.
enum NoticeFormat: String, ArgumentValue {
    case text
    case json

    static func convert(_ text: String) -> NoticeFormat? { NoticeFormat(rawValue: text) }
    static var expectation: String { "text or json" }
}

/// The formats of `contract show`: a text listing for people, JSON for programs, or a workbook
/// for finance (written to `--out` only).
enum AgreementShowFormat: String, ArgumentValue {
    /// The listing for people (the default).
    case text
    /// `AgreementViewJSON`.
    case json
    /// `AgreementWorkbook`, written to `--out` only.
    case xlsx

    static func convert(_ text: String) -> AgreementShowFormat? { AgreementShowFormat(rawValue: text) }
    static var expectation: String { "'text', 'json' or 'xlsx'" }
}
