package dk.kk.gevinstspor.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;

/**
 * What is left of the old reader: the one question the actuals import still asks in its words (the proposals named by
 * an import batch), answered by the {@link Portfolio}. Everything else reads the portfolio directly; the import moves
 * to {@link Portfolio#withoutActuals} with its split (issue 20), and this class goes then.
 *
 * @deprecated read through {@link Portfolio}
 */
@Deprecated
@ApplicationScoped
public class PortfolioReader {

    /** The only condition still asked: an import batch's references. */
    static final String BY_REFERENCES = "p.reference IN (:references)";

    /** A stored proposal as the domain sees it, with its actuals. */
    public record Loaded(long id, Proposal proposal, Actuals actuals) {
    }

    private final Portfolio portfolio;

    public PortfolioReader(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    /** The proposals named by {@code :references}, without their actuals; no other condition is taken. */
    public List<Loaded> proposals(String condition, Map<String, Object> parameters) {
        if (!BY_REFERENCES.equals(condition)) {
            throw new IllegalArgumentException("Read proposals through the Portfolio and a Selection, not by SQL: " + condition);
        }
        @SuppressWarnings("unchecked")
        Collection<String> references = (Collection<String>) parameters.get("references");
        return portfolio.withoutActuals(new Selection.Named(Set.copyOf(references))).stream()
                .map(s -> new Loaded(s.id(), s.proposal(), s.actuals())).toList();
    }
}
