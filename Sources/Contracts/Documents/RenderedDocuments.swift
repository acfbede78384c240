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
