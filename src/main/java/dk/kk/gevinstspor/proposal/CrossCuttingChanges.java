package dk.kk.gevinstspor.proposal;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Logs once, at the first start after migration V9, every proposal that stopped being cross-cutting because
 * Økonomiforvaltningen no longer counts (DOMAIN.md Edges 1), so that an existing installation sees what moved from
 * the ØU report to a majbidrag. The rows are removed as they are logged (by one replica, when several start).
 */
@ApplicationScoped
public class CrossCuttingChanges {

    private static final Logger LOG = Logger.getLogger(CrossCuttingChanges.class);

    @Inject
    ProposalRepository proposals;

    void onStart(@Observes StartupEvent event) {
        logOnce();
    }

    /** Logs and removes the proposals waiting to be listed; returns their references. */
    @Transactional
    public List<String> logOnce() {
        List<String> references = proposals.takeCrossCuttingChanges();
        references.forEach(reference -> LOG.infof("Proposal %s is no longer cross-cutting: fewer than three"
                + " fagforvaltninger take part once ØKF is not counted (DOMAIN.md Edges 1); it now belongs in its lead"
                + " administration's majbidrag, not the ØU report", reference));
        return references;
    }
}
