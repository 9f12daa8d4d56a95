package dk.kk.gevinstspor.actuals.imports;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The stored imports of actuals ({@code import_log}, written by {@link ImportAudit#log} in each import's transaction). */
@ApplicationScoped
public class ImportLogRepository {

    /** One stored import: when, by whom, rows read, created, updated and unchanged. */
    public record ImportRun(Instant at, String username, long rows, long created, long updated, long unchanged) {
    }

    @Inject
    EntityManager em;

    /** The latest {@code limit} stored imports, newest first. */
    public List<ImportRun> latest(int limit) {
        List<?> rows = em.createNativeQuery("SELECT at, username, rows, created, updated, unchanged FROM import_log ORDER BY id DESC LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new ImportRun(instant(r[0]), (String) r[1], number(r[2]), number(r[3]), number(r[4]), number(r[5]));
        }).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
