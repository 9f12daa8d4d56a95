package dk.kk.gevinstspor.domain;

/** Which gain is used: service ({@code gs}) or total economy ({@code gt}, with transfers). */
public enum GainBasis {
    SERVICE,
    TOTAL
}
