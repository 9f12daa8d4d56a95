package dk.kk.gevinstspor.admin;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** The JSON of the settings (API.md, Settings). Frame limits are a plain map frame → amount. */
public final class SettingsJson {

    private SettingsJson() {
    }

    /**
     * One year of the price index. In a PUT {@code year} may be absent (else it must equal the path's) and
     * {@code version} may be absent when the year is new or the index unchanged.
     */
    @Schema(name = "PriceIndexYear")
    public record PriceIndexYear(
            @Schema(examples = "2026") Integer year,
            @Schema(examples = "112.4", description = "> 0, at most four decimals") BigDecimal index,
            @Schema(examples = "0") Long version) {

        public static PriceIndexYear of(PriceIndexEntity entity) {
            return new PriceIndexYear(entity.year, entity.indexValue, entity.version);
        }
    }

    /**
     * The deadline for entering an accounts year's figures: day and month of the following year (default 1 March).
     * In a PUT {@code version} is the one read (absent: no check).
     */
    @Schema(name = "EntryDeadline")
    public record EntryDeadline(
            @Schema(examples = "1", description = "1–31, a day the month has every year") Integer day,
            @Schema(examples = "3", description = "1–12") Integer month,
            @Schema(examples = "0") Long version) {
    }
}
