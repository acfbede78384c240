/// Pricing: the rules that turn a tariff book, a municipality profile and an offer into priced
/// lines for every year of the offer, each with its explanation; the yearly indexation of
/// tariff books; coverage and the composer built on the engine.
///
/// Folders in the order the data flows (each uses only those before it):
/// 0. `Limits`: the documented bounds of every input (`InputLimits`), which every stage checks.
/// 1. `Indexation`: a book indexed into the next (`TariffIndexer`), the books of every year of
///    an offer, published or projected (`PricingBooks`, `BookProjector`), publishing a new book
///    (`TariffPublisher`).
/// 2. `Input`: the profile and the offer, decoded and validated against the books
///    (`ValidatedOffer`, `PricingRequest`).
/// 3. `Output`: the priced model (`PricedOffer`, `PricedLine`, `LineExplanation`) and its
///    encodings (JSON, CSV, offer files, the diff of two books).
/// 4. `Engine`: `PricingEngine`, the rules per basis, line summaries.
/// 5. `Coverage`: what an offer serves and misses.
/// 6. `Composer`: the best offer within a budget, checked against the engine.
///
/// It reads the catalogue model (`Catalogue`) and computes with `Money`. The one place it reads
/// and writes files is publishing a tariff book (`TariffPublisher`: a tariff directory's book in,
/// next year's book out, through `Support`'s file helpers); it never stores anything and never
/// renders documents (that is `Contracts`).
public enum PricingModule {}
