package dk.kk.gevinstspor.domain.rules;

import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.ProposalKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed section 4: required assessments. Investment proposal with employer-area effect → HR_KREDS; with changed m²
 * → PROPERTY; any proposal with a new IT system → KONCERN_IT; investment proposal that is digital or has
 * potential for other administrations → OEKONOMIKREDS. One finding per missing assessment.
 */
public final class AssessmentMissingRule implements Rule {

    @Override
    public FindingCode code() {
        return FindingCode.ASSESSMENT_MISSING;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        Proposal p = context.proposal();
        boolean investment = p.kind() == ProposalKind.INVESTMENT;
        List<Finding> findings = new ArrayList<>();
        require(p, investment && p.employerAreaEffect(), AssessmentType.HR_KREDS,
                "Forslag med effektiviseringer på arbejdsgiverområdet skal i høring i HR-kredsen", findings);
        require(p, investment && p.premisesChange(), AssessmentType.PROPERTY,
                "Forslag om ændrede m²-behov skal have en ejendomsfaglig vurdering", findings);
        require(p, p.newItSystem(), AssessmentType.KONCERN_IT,
                "Nyanskaffelser af IT-systemer skal vurderes af Koncern IT", findings);
        require(p, investment && (p.digital() || p.otherAdministrationsPotential()), AssessmentType.OEKONOMIKREDS,
                "Digitale forslag og forslag med potentiale for andre forvaltninger skal drøftes i Økonomikredsen", findings);
        return findings;
    }

    private void require(Proposal p, boolean required, AssessmentType type, String message, List<Finding> out) {
        if (required && !p.hasAssessment(type)) {
            out.add(Finding.of(code(), message));
        }
    }
}
