package dk.kk.gevinstspor.actuals.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers' limits (issue 19): a cell beyond column XFD, a row of more cells than XFD, a shared-string index
 * outside the file's table are refused as {@code UNREADABLE_FILE} with their row, in a Danish message that names no
 * Java class; the rows before are read normally.
 */
class ActualsFileLimitsTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "bad-input");

    /** Collects what a reader hands on. */
    static final class Collected implements ActualsFile.Rows {
        final List<List<String>> rows = new ArrayList<>();

        @Override
        public void header(List<String> cells) {
            rows.add(cells);
        }

        @Override
        public void row(long rowNumber, List<String> cells, ActualsFile.NumberStyle style) {
            rows.add(cells);
        }
    }

    private static ActualsFile.Unreadable refused(Path file, Collected collected) {
        ActualsFile.Unreadable e = catchThrowableOfType(ActualsFile.Unreadable.class, () -> ActualsFile.read(file, collected));
        assertThat(e).as(file.toString()).isNotNull();
        assertThat(e.code).isEqualTo("UNREADABLE_FILE");
        assertThat(e.getMessage()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]").doesNotContain("Exception");
        return e;
    }

    @Test
    void a_cell_at_column_zzzzzz_is_refused_with_its_row_without_padding_the_row() {
        Collected collected = new Collected();
        ActualsFile.Unreadable e = refused(CORPUS.resolve("import-xlsx-column-zzzzzz.xlsx"), collected);
        assertThat(e.row).isEqualTo(2);
        assertThat(e.getMessage()).contains("ZZZZZZ2", "XFD");
        assertThat(collected.rows).hasSize(1);
    }

    @Test
    void column_xfd_is_the_last_one_read() {
        assertThat(XlsxReader.columnIndex("XFD7", 0)).isEqualTo(16_383);
        assertThat(XlsxReader.columnIndex("XFE7", 0)).isEqualTo(-1);
        assertThat(XlsxReader.columnIndex("A1", 0)).isZero();
        assertThat(XlsxReader.columnIndex("ZZZZZZZZZZZZZZZZ1", 0)).isEqualTo(-1);
        assertThat(XlsxReader.columnIndex("7", 0)).isEqualTo(-1);
    }

    @Test
    void a_shared_string_index_of_minus_one_is_refused_with_its_row() {
        Collected collected = new Collected();
        ActualsFile.Unreadable e = refused(CORPUS.resolve("import-xlsx-shared-string-minus-one.xlsx"), collected);
        assertThat(e.row).isEqualTo(3);
        assertThat(collected.rows).as("the header and row 2, whose shared string is fine").hasSize(2);
        assertThat(collected.rows.get(1).get(0)).isEqualTo("BUF-T-BADINPUT");
    }

    @Test
    void a_csv_line_of_more_fields_than_xfd_is_refused_with_its_line(@TempDir Path folder) throws IOException {
        ActualsFile.Unreadable e = refused(CORPUS.resolve("import-more-fields-than-xfd.csv"), new Collected());
        assertThat(e.row).isEqualTo(2);

        Path justFits = folder.resolve("xfd.csv");
        Files.writeString(justFits, "reference,year\nX,2029" + ",".repeat(ActualsFile.MAX_CELLS - 2) + "\n");
        Collected collected = new Collected();
        ActualsFile.read(justFits, collected);
        assertThat(collected.rows.get(1)).hasSize(ActualsFile.MAX_CELLS);
    }

    @Test
    void a_damaged_spreadsheet_names_no_java_class() {
        refused(CORPUS.resolve("import-xlsx-not-a-zip.xlsx"), new Collected());
        refused(CORPUS.resolve("import-xlsx-truncated.xlsx"), new Collected());
    }
}
