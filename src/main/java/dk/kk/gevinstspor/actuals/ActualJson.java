package dk.kk.gevinstspor.actuals;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One year of one proposal's actual figures (API.md, Actuals), amounts in kroner in the proposal's price
 * level. {@code repayment} may be left out (0); {@code version} is required when the year exists already.
 */
@Schema(name = "Actuals")
public record ActualJson(
        @Min(1900) @Max(2999) @Schema(examples = "2026") Integer year,
        @NotNull @Schema(examples = "2900000") BigDecimal investment,
        @NotNull @Schema(examples = "0") BigDecimal operationFunding,
        @NotNull @Schema(examples = "0") BigDecimal operatingCost,
        @NotNull @Schema(examples = "0") BigDecimal serviceEfficiency,
        @NotNull @Schema(examples = "0") BigDecimal transferEffect,
        @Schema(examples = "0") BigDecimal repayment,
        @Size(max = 50) Map<String, @NotNull BigDecimal> kpis,
        @Size(max = 50) Map<String, @NotNull @Min(1900) @Max(2999) Integer> milestones,
        @Size(max = 4000) @Schema(examples = "Udbuddet blev billigere end ventet") String explanation,
        Long version) {
}
