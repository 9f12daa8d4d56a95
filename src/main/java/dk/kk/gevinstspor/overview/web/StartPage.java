package dk.kk.gevinstspor.overview.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.PortfolioHeadline;
import dk.kk.gevinstspor.domain.Ratio;
import dk.kk.gevinstspor.overview.StartService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * The Danish start page, by role ({@link StartService}): an entry user sees the figures due for last year (the entry
 * list's proposals and counts) and the deadline; everyone signed in the reports of this year's meetings with the
 * year's headline figures; an admin what awaits (pending decisions, missing price index years, proposals with ERROR
 * or WARNING findings, the latest imports) and the administration pages; a visitor what the service is and "Log ind".
 */
@Path("/")
@PermitAll
public class StartPage {

    @Inject
    SecurityIdentity identity;
    @Inject
    Today today;
    @Inject
    StartService start;

    /** The headline figures as the page shows them: counts per status, amounts in kroner (shown in 1.000 kr.). */
    public record Figures(int accountsYear, int priceLevelYear, long followedUp, long green, long amber, long red, long missing,
            long notStarted, BigDecimal planned, BigDecimal actual, BigDecimal realisation, List<Integer> missingPriceIndexYears) {

        static Figures of(PortfolioHeadline h) {
            return new Figures(h.accountsYear(), h.priceLevelYear(), h.followedUp(), h.count(FollowUpStatus.GREEN),
                    h.count(FollowUpStatus.AMBER), h.count(FollowUpStatus.RED), h.count(FollowUpStatus.MISSING),
                    h.count(FollowUpStatus.NOT_STARTED), h.plannedGain().map(Amount::value).orElse(null),
                    h.actualGain().map(Amount::value).orElse(null), h.realisation().map(Ratio::shown).orElse(null),
                    List.copyOf(h.missingPriceIndexYears()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String username, int year, boolean admin, StartService.EntryDue entry,
                Figures figures, StartService.AdminTasks tasks);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    @Blocking
    public TemplateInstance index() {
        if (identity.isAnonymous()) {
            return Templates.index(null, today.year(), false, null, null, null);
        }
        boolean admin = identity.hasRole(Roles.ADMIN);
        // an admin's entry list would be the whole portfolio: admins get their tasks and the link to the list instead
        StartService.EntryDue entry = !admin && identity.hasRole(Roles.ENTRY) ? start.entryDue() : null;
        return Templates.index(identity.getPrincipal().getName(), today.year(), admin, entry, Figures.of(start.headline()),
                admin ? start.adminTasks() : null);
    }
}
