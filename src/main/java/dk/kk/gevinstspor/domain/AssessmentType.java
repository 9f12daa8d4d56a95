package dk.kk.gevinstspor.domain;

/** The cross-cutting assessments of the seed's section 4 (and the analysis unit of criterion 13). */
public enum AssessmentType {
    HR_KREDS,
    PROPERTY,
    ANALYSIS_UNIT,
    KONCERN_IT,
    OEKONOMIKREDS
}
