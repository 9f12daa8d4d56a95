package dk.kk.gevinstspor.proposal;

import java.util.List;

import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.ProposalKind;

/**
 * One proposal of a list: what the list shows of it. {@code committee} is the lead administration's;
 * {@code otherAdministrations} are the others taking part, in the customary order; {@code status} is the evaluation
 * snapshot's of the list's accounts year, null when there is none.
 */
public record ProposalListRow(long id, String reference, String title, String committee, String leadAdministration,
        List<String> otherAdministrations, ProposalKind kind, boolean digital, int adoptionYear, FollowUpStatus status) {
}
