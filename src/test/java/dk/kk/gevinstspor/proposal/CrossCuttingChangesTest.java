package dk.kk.gevinstspor.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A proposal that stopped being cross-cutting at migration V9 (DOMAIN.md Edges 1) is listed in the log once. */
@QuarkusTest
class CrossCuttingChangesTest {

    @Inject
    CrossCuttingChanges changes;

    @Inject
    EntityManager em;

    @Test
    void each_moved_proposal_is_logged_once_with_its_reference() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CrossCuttingChanges.class.getName());
        logger.addHandler(capture);
        try {
            marked("ØKF-2019-07");
            marked("BUF-2019-03");

            assertThat(changes.logOnce()).containsExactly("BUF-2019-03", "ØKF-2019-07");
            assertThat(changes.logOnce()).isEmpty();
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1)).startsWith("Proposal ØKF-2019-07 is no longer cross-cutting");
    }

    @Transactional
    void marked(String reference) {
        em.createNativeQuery("INSERT INTO cross_cutting_change (reference) VALUES (?1)").setParameter(1, reference).executeUpdate();
    }
}
