import Catalogue

extension Service {
    /// The kinds of subject this service is taken for, from its components, service levels and rules.
    public var subjectKinds: Set<SubjectKind> {
        var kinds: Set<SubjectKind> = []
        for component in components {
            switch component.basis {
            case .perBranch: kinds.insert(.branch)
            case .perPupil, .perSchool: kinds.insert(.school)
            case .perChildcareLocation: kinds.insert(.childcareLocation)
            case .perConsultationBureau: kinds.insert(.consultationBureau)
            default: break
            }
        }
        if serviceLevels.contains(where: { $0.input == "pupils" }) { kinds.insert(.school) }
        for constraint in constraints {
            switch constraint {
            case .branchSizes: kinds.insert(.branch)
            case .schoolLevel, .requiresServiceOnSchool: kinds.insert(.school)
            default: break
            }
        }
        return kinds
    }
}
