package dk.kk.gevinstspor.actuals;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.admin.AdministrationRepository;
import dk.kk.gevinstspor.common.security.Caller;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.FiguresNeeded;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;
import dk.kk.gevinstspor.portfolio.Stored;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which proposals need figures for an accounts year, asked by the caller: the entry list (/indberetning) and the import
 * template both read them here, so they name the same proposals. The rule is the domain's ({@link FiguresNeeded});
 * whose proposals: the committee's administrations when one is given, else the entry user's, else (an admin) all.
 */
@ApplicationScoped
public class FiguresDue {

    @Inject
    Portfolio portfolio;
    @Inject
    AdministrationRepository administrations;
    @Inject
    SecurityIdentity identity;

    /** The selection for the caller: the year and whose administrations. */
    public Selection.NeedingFigures selection(int year, String committee) {
        Optional<Set<String>> codes;
        if (committee != null) {
            codes = Optional.of(administrations.codesOf(committee));
        } else if (!identity.hasRole(Roles.ADMIN)) {
            codes = Optional.of(Caller.administrations(identity));
        } else {
            codes = Optional.empty();
        }
        return new Selection.NeedingFigures(year, codes);
    }

    /** Each proposal needing figures for the year from the caller (or the committee), in id order, with its actuals. */
    public void each(int year, String committee, Consumer<Stored> consumer) {
        portfolio.each(selection(year, committee), consumer);
    }
}
