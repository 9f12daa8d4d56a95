package dk.kk.gevinstspor.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.domain.rules.Severity;

/** The JSON of a proposal (API.md, Proposals): what a client sends and what it gets back. */
public final class ProposalJson {

    private ProposalJson() {
    }

    /**
     * A new proposal ({@code POST}), or its changed descriptive fields ({@code PUT}, with {@code version}). The
     * derived fields of a response are accepted and ignored, so a client may send back what it read.
     */
    @JsonIgnoreProperties({ "id", "crossCutting", "status", "cancellation", "findings" })
    @Schema(name = "ProposalRequest")
    public record Request(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*", message = "må kun indeholde bogstaver, tal, punktum, bindestreg og understregning")
            @Schema(examples = "BUF-2026-03") String reference,
            @NotBlank @Size(max = 300) @Schema(examples = "Digital pladsanvisning") String title,
            @NotNull ProposalKind kind,
            @NotBlank @Schema(examples = "BUF") String leadAdministration,
            @Size(max = 7) List<@NotBlank String> administrations,
            @NotNull AdoptionRound adoptionRound,
            @NotNull @Min(1900) @Max(2999) Integer adoptionYear,
            @NotNull @Min(1900) @Max(2999) Integer priceLevelYear,
            @Min(1) @Max(4) Integer priorityClass,
            boolean digital,
            boolean baseInvestment,
            @Size(max = 50) List<@NotBlank @Size(max = 300) String> dependentProposals,
            boolean transfersEffect,
            boolean employerAreaEffect,
            boolean premisesChange,
            boolean newItSystem,
            boolean otherAdministrationsPotential,
            @Min(1900) @Max(2999) Integer expectedInvestmentProposalYear,
            @Size(max = 5) List<@NotNull @Valid Assessment> assessments,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid PlanLine> plan,
            @Size(max = 50) List<@NotNull @Valid Target> targets,
            @Valid Loan loan,
            @Schema(description = "Required when changing a stored proposal: the version it was read at") Long version) {

        public List<String> administrationsOrEmpty() {
            return administrations == null ? List.of() : administrations;
        }

        public List<String> dependentProposalsOrEmpty() {
            return dependentProposals == null ? List.of() : dependentProposals;
        }

        public List<Assessment> assessmentsOrEmpty() {
            return assessments == null ? List.of() : assessments;
        }

        public List<Target> targetsOrEmpty() {
            return targets == null ? List.of() : targets;
        }
    }

    /** A stored proposal with what is derived from it. */
    @Schema(name = "Proposal")
    public record Response(long id, String reference, String title, ProposalKind kind, String leadAdministration,
            List<String> administrations, boolean crossCutting, AdoptionRound adoptionRound, int adoptionYear,
            int priceLevelYear, Integer priorityClass, boolean digital, boolean baseInvestment,
            List<String> dependentProposals, boolean transfersEffect, boolean employerAreaEffect,
            boolean premisesChange, boolean newItSystem, boolean otherAdministrationsPotential,
            Integer expectedInvestmentProposalYear, List<Assessment> assessments, List<PlanLine> plan,
            List<Target> targets, Loan loan, String status, Cancellation cancellation, List<Finding> findings,
            long version) {
    }

    /** One year of the plan, amounts in kroner in the proposal's price level. */
    public record PlanLine(
            @NotNull @Min(1900) @Max(2999) Integer year,
            @NotNull @Schema(examples = "3000000") BigDecimal investment,
            @NotNull BigDecimal operationFunding,
            @NotNull BigDecimal operatingCost,
            @NotNull BigDecimal serviceEfficiency,
            @NotNull BigDecimal transferEffect) {
    }

    public record Assessment(@NotNull AssessmentType type, LocalDate date, @Size(max = 100) String reference,
            @Schema(description = "Only for ANALYSIS_UNIT: false means only implementation and costs are followed up")
            Boolean followUpOnEffects) {
    }

    public record Target(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}._-]+", message = "må kun indeholde bogstaver, tal, punktum, bindestreg og understregning") String code,
            @NotNull TargetType type,
            @Size(max = 500) String description,
            @Size(max = 50) String unit,
            Direction direction,
            @Min(1900) @Max(2999) Integer dueYear,
            @Size(max = 50) List<@NotNull @Valid KpiYear> yearly) {
    }

    public record KpiYear(@NotNull @Min(1900) @Max(2999) Integer year, @NotNull BigDecimal target) {
    }

    public record Loan(@NotNull BigDecimal principal, @NotNull @Min(1900) @Max(2999) Integer loanYear,
            @NotNull @Size(max = 20) List<@NotNull @Valid Repayment> schedule) {
    }

    public record Repayment(@NotNull @Min(1900) @Max(2999) Integer year, @NotNull BigDecimal amount) {
    }

    public record Cancellation(int effectiveYear, BigDecimal treasuryReturn) {
    }

    public record Finding(String code, Severity severity, String message) {
    }
}
