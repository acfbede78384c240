/// Pricing: the rules that turn a tariff book, a municipality profile and an offer into priced
/// lines for every year of the offer, each with its explanation; and the yearly indexation of
/// tariff books.
///
/// It reads the catalogue model (`Catalogue`) and computes with `Money`. The one place it reads
/// and writes files is publishing a tariff book (`TariffPublisher`: a tariff directory's book in,
/// next year's book out, through `Catalogue`'s file helpers); it never stores anything and never
/// renders documents (that is `Contracts`).
public enum PricingModule {}
