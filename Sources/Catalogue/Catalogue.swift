/// The catalogue model: what Bind bibliotheken offers and at which tariffs.
///
/// This module owns the tariff book (`tariffs/<year>.json`): its types, its strict loading
/// with every error reported at once, the formulas of derived tariffs and the rule tables
/// (service levels, constraints) that the book carries as data.
///
/// Flow: bytes → JSON (module `JSON`) → `TariffBookDecoder` (shape, types, codes) →
/// `TariffBookResolver` (formulas, cycles, tables) → `TariffBook`.
///
/// Folders: `Model` (the types), `Formula` (derived tariffs), `Loading` (bytes to a checked
/// book, the library of books by year). File reading, diagnostics and dates come from `Support`.
///
/// It never prices an offer (that is `Pricing`) and never touches storage or documents
/// (that is `Contracts`).
enum CatalogueModule {}
