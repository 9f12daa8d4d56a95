package dk.kk.gevinstspor.domain.rules;

import java.util.List;

/** One rule of DOMAIN.md's findings table: checks a proposal and returns its findings (empty when satisfied). */
public interface Rule {

    /** The code of the findings this rule makes. */
    FindingCode code();

    List<Finding> check(RuleContext context);

    /** A single finding of this rule's code. */
    default List<Finding> finding(String message) {
        return List.of(Finding.of(code(), message));
    }
}
