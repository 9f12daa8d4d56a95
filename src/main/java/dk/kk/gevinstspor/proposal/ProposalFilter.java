package dk.kk.gevinstspor.proposal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.ProposalKind;

/**
 * What a list of proposals is narrowed to, each part when not null: a search text (every word must occur in the
 * reference or the title, case-insensitive, also as part of a word), the committee and the administration (taking part,
 * lead or not), kind, digital, adoption year, and the evaluation status of the accounts year (from the snapshots).
 */
public record ProposalFilter(String text, String committee, String administration, ProposalKind kind, Boolean digital,
        Integer adoptionYear, FollowUpStatus status) {

    /** The longest search text (characters); a longer one is refused. */
    public static final int MAX_TEXT = 100;

    public static ProposalFilter none() {
        return new ProposalFilter(null, null, null, null, null, null, null);
    }

    /** The search text's words, lower-cased (Danish letters too), in order; none for a blank text. */
    public List<String> words() {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("\\s+")).distinct().toList();
    }
}
