/// The documents of a quote or agreement in their three formats.
public struct RenderedDocuments: Sendable, Equatable {
    public var html: String
    public var markdown: String
    public var json: String

    /// Documents already rendered (as stored with a quote or agreement).
    public init(html: String, markdown: String, json: String) {
        self.html = html
        self.markdown = markdown
        self.json = json
    }

    /// Renders a quote.
    public init(_ document: QuoteDocument) {
        html = HTMLRenderer.render(document)
        markdown = MarkdownRenderer.render(document)
        json = DocumentJSON.encode(document)
    }

    /// Renders a rekenbijlage.
    public init(_ document: CalculationDocument) {
        html = HTMLRenderer.render(document)
        markdown = MarkdownRenderer.render(document)
        json = DocumentJSON.encode(document)
    }

    /// Renders an agreement.
    public init(_ document: AgreementDocument) {
        html = HTMLRenderer.render(document)
        markdown = MarkdownRenderer.render(document)
        json = DocumentJSON.encode(document)
    }
}

extension QuoteRecord {
    /// The offerte as frozen when the quote was issued.
    public var documents: RenderedDocuments { RenderedDocuments(html: html, markdown: markdown, json: json) }
}

extension AgreementRecord {
    /// The agreement as frozen when the offer was accepted.
    public var documents: RenderedDocuments { RenderedDocuments(html: html, markdown: markdown, json: json) }
}

extension AmendmentRecord {
    /// The wijziging as frozen when it was recorded.
    public var documents: RenderedDocuments { RenderedDocuments(html: html, markdown: markdown, json: json) }
}
