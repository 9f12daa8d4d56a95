package dk.kk.gevinstspor.replicas;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The benchmarks' data set (bench/lib/portfolio.sql) and import files, for the integration tests. */
final class Portfolio {

    private Portfolio() {
    }

    /** Proposals BEN-000001 … BEN-{count} with plans 2016-2025, written by SQL as bench/lib/bench.sh does. */
    static void create(Connection connection, int count) throws IOException, SQLException {
        String sql = Files.readString(Path.of("bench", "lib", "portfolio.sql")).replace(":total", Integer.toString(count));
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** An import file (CSV) of the actuals 2016-2025 of BEN-{first} … BEN-{last}, equal to their plans. */
    static Path actualsFile(Path file, int first, int last) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("reference,year,investment,operationFunding,operatingCost,serviceEfficiency,transferEffect,repayment,explanation\n");
            for (int p = first; p <= last; p++) {
                for (int year = 2016; year <= 2025; year++) {
                    out.write(String.format("BEN-%06d,%d,%d,0,0,%d,0,0,%n", p, year, year == 2016 ? 1_000_000 : 0, year == 2016 ? 0 : 400_000));
                }
            }
        }
        return file;
    }
}
