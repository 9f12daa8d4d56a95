package dk.kk.gevinstspor.actuals.imports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored amounts and explanation of the rows of a batch that have blank cells, read with one query per batch
 * (never per row): the check fills them into the blanks, so the domain judges each row as it will be stored
 * (DOMAIN.md Edges 11).
 */
final class StoredRows {

    /** A stored row's amounts (by column) and explanation. */
    record Stored(Map<Column, BigDecimal> amounts, String explanation) {
    }

    private static final String COLUMNS = "a.investment, a.operation_funding, a.operating_cost, a.service_efficiency,"
            + " a.transfer_effect, a.repayment, a.explanation";

    private final Connection connection;

    StoredRows(Connection connection) {
        this.connection = connection;
    }

    /** The key of a proposal's year (as the check's duplicate set uses it). */
    static long key(long proposalId, int year) {
        return proposalId * 4096 + (year - 1900);
    }

    /** The stored rows among the proposal ids and years (same length), by {@link #key}; one query. */
    Map<Long, Stored> load(List<Long> proposalIds, List<Integer> years) throws SQLException {
        Map<Long, Stored> stored = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return stored;
        }
        Array ids = connection.createArrayOf("bigint", proposalIds.toArray());
        Array ys = connection.createArrayOf("integer", years.toArray());
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.proposal_id, a.year, " + COLUMNS
                + " FROM actual a JOIN unnest(?::bigint[], ?::integer[]) AS k(proposal_id, year)"
                + " ON a.proposal_id = k.proposal_id AND a.year = k.year")) {
            ps.setArray(1, ids);
            ps.setArray(2, ys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Column, BigDecimal> amounts = new EnumMap<>(Column.class);
                    for (int i = 0; i < Column.AMOUNTS.size(); i++) {
                        amounts.put(Column.AMOUNTS.get(i), rs.getBigDecimal(3 + i));
                    }
                    stored.put(key(rs.getLong(1), rs.getInt(2)), new Stored(amounts, rs.getString(9)));
                }
            }
        } finally {
            ids.free();
            ys.free();
        }
        return stored;
    }
}
