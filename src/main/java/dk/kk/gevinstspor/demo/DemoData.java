package dk.kk.gevinstspor.demo;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dk.kk.gevinstspor.actuals.ActualsService;
import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.admin.UserService;
import dk.kk.gevinstspor.admin.UserJson;
import dk.kk.gevinstspor.common.config.GevinstsporConfig;
import dk.kk.gevinstspor.common.security.Roles;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.DecisionService;
import dk.kk.gevinstspor.decision.DecisionType;
import dk.kk.gevinstspor.decision.DecisionJson;
import dk.kk.gevinstspor.proposal.ProposalRepository;
import dk.kk.gevinstspor.proposal.ProposalService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * With {@code GEVINSTSPOR_DEMO=true} an empty database (no proposals) gets the {@link DemoPortfolio} and
 * demo users, through the same services and rules as any other data, in one transaction, as user
 * {@code demo} (so the history says who).
 */
@ApplicationScoped
public class DemoData {

    /** The demo users; their passwords are in the README. */
    public static final List<UserJson.Request> USERS = List.of(
            new UserJson.Request("demo.admin", "demo-admin-2026", List.of(Roles.ADMIN), List.of()),
            new UserJson.Request("buf.indberetter", "demo-buf-2026", List.of(Roles.ENTRY), List.of("BUF")),
            new UserJson.Request("sof.indberetter", "demo-sof-2026", List.of(Roles.ENTRY), List.of("SOF")),
            new UserJson.Request("tmf.indberetter", "demo-tmf-2026", List.of(Roles.ENTRY), List.of("TMF", "ØKF")),
            new UserJson.Request("itkredsen", "demo-viewer-2026", List.of(Roles.VIEWER), List.of()));

    /**
     * The demo's cancelled proposal: the pilot of digital booking in sports halls (1.600.000 planned in 2025–2026,
     * 1.150.000 spent in 2025) is cancelled with effect from 2025, so 450.000 returns to the treasury.
     */
    public static final String CANCELLED = "KFF-2025-01";

    /** How much was loaded. */
    public record Loaded(int proposals, int actuals, int users) {
    }

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    ProposalService proposals;
    @Inject
    ProposalRepository repository;
    @Inject
    ActualsService actuals;
    @Inject
    UserService users;
    @Inject
    DecisionService decisions;
    @Inject
    CurrentIdentityAssociation identity;
    @Inject
    GevinstsporConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo()) {
            return;
        }
        if (repository.count() > 0) {
            LOG.info("GEVINSTSPOR_DEMO is set, but the database has proposals already: no demo data loaded");
            return;
        }
        Loaded loaded = load();
        LOG.infof("Demo data loaded: %d proposals, %d years of actuals, %d users (README: demo users)",
                loaded.proposals(), loaded.actuals(), loaded.users());
    }

    /** A cancellation approved by KFU, ØU and BR (seed section 6), through the same service as any decision. */
    private void cancelPilot() {
        DecisionJson.Response decision = decisions.create(CANCELLED, new DecisionJson.Request(DecisionType.CANCELLATION,
                "Piloten stoppes efter første år: adgangskontrollen kunne ikke integreres med hallernes låsesystemer.",
                2025, null, null));
        decisions.approve(CANCELLED, decision.id(), ApprovalBody.COMMITTEE,
                new DecisionJson.ApprovalRequest(java.time.LocalDate.of(2026, 2, 9), "KFU 2026-014"));
        decisions.approve(CANCELLED, decision.id(), ApprovalBody.FINANCE_COMMITTEE,
                new DecisionJson.ApprovalRequest(java.time.LocalDate.of(2026, 2, 24), "ØU 2026-031"));
        decisions.approve(CANCELLED, decision.id(), ApprovalBody.CITY_COUNCIL,
                new DecisionJson.ApprovalRequest(java.time.LocalDate.of(2026, 3, 5), "BR 2026-052"));
    }

    /**
     * Loads the portfolio and the users that do not exist yet; all or nothing. The first admin comes first: the
     * start-up's two observers run in no fixed order, and on an empty database the demo users would otherwise
     * make {@code admin}'s creation, with {@code GEVINSTSPOR_ADMIN_PASSWORD}, pass over it.
     */
    @ActivateRequestContext
    @Transactional
    public Loaded load() {
        users.createFirstAdmin(config.adminPassword());
        identity.setIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("demo"))
                .addRoles(Set.of(Roles.ADMIN)).build());
        int createdUsers = 0;
        for (UserJson.Request user : USERS) {
            if (users.find(user.username()).isEmpty()) {
                users.create(user);
                createdUsers++;
            }
        }
        int years = 0;
        List<DemoProposal> portfolio = DemoPortfolio.proposals();
        for (DemoProposal demo : portfolio) {
            proposals.create(demo.proposal());
            for (ActualJson actual : demo.actuals()) {
                actuals.put(demo.proposal().reference(), actual.year(), actual);
                years++;
            }
        }
        cancelPilot();
        return new Loaded(portfolio.size(), years, createdUsers);
    }
}
