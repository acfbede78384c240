import Catalogue
import Pricing
import Support

/// Which profile an amendment is priced with: the agreement's own (nil), a changed profile file,
/// or the stored version valid on a date. One rule for every front end.
public enum AmendmentProfile: Sendable {
    /// The profile as it is in the agreement.
    case unchanged
    /// A profile file's bytes and its name for messages.
    case file(bytes: [UInt8], name: String)
    /// The stored version valid on a date (`municipality import --valid-from`).
    case versionOn(CalendarDate)

    /// The profile JSON to price with, or nil for the agreement's own; checks that it is the
    /// agreement's municipality's and that a version exists on the date.
    public func resolve(for agreement: AgreementRecord, store: CatalogueStore) throws(LifecycleError) -> String? {
        switch self {
        case .unchanged:
            return nil
        case .file(let bytes, let name):
            let decoded: MunicipalityProfile
            do { decoded = try ProfileLoader.load(bytes: bytes, file: name) } catch { throw .input(error) }
            guard decoded.code == agreement.municipality else {
                throw .refused("\(name) is the profile of \(decoded.code), but \(agreement.reference) is an agreement with \(agreement.municipality)")
            }
            return String(decoding: bytes, as: UTF8.self)
        case .versionOn(let date):
            let version: (validFrom: String, profile: String)?
            let dates: [String]
            do {
                version = try store.profile(code: agreement.municipality, on: date)
                dates = try store.profileVersions(code: agreement.municipality).map(\.validFrom)
            } catch {
                throw .store(error)
            }
            guard let version else {
                throw .refused("no profile version of \(agreement.municipality) is valid on \(date)"
                    + (dates.isEmpty ? "; record one with 'catalogue-cli municipality import <file> --valid-from <date>'" : "; versions: \(dates.joined(separator: ", "))"))
            }
            return version.profile
        }
    }
}
