package dk.kk.gevinstspor.proposal;

/**
 * The columns a list of proposals is sorted by (the reference breaks ties): reference, title (Danish order), committee
 * and lead administration (by code), kind (by its Danish name), adoption year, status (Grøn, Gul, Rød, Mangler, Ikke
 * startet; proposals without a status last, also when descending).
 */
public enum ProposalSort {
    REFERENCE, TITLE, COMMITTEE, ADMINISTRATION, KIND, ADOPTION_YEAR, STATUS
}
