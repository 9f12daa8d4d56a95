package dk.kk.gevinstspor.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.kk.gevinstspor.proposal.ProposalJson;

/** The JSON of change decisions (API.md, Change decisions). */
public final class DecisionJson {

    private DecisionJson() {
    }

    /** A new decision: a plan change carries the whole new plan and/or a new loan schedule; a cancellation neither. */
    @Schema(name = "DecisionRequest")
    public record Request(
            @NotNull DecisionType type,
            @NotBlank @Size(max = 4000) String description,
            @NotNull @Min(1900) @Max(2999) Integer effectiveYear,
            @Schema(description = "The whole new plan, all years; years before effectiveYear must equal the current plan")
            @Size(max = 50) List<ProposalJson.@NotNull @Valid PlanLine> plan,
            @Schema(description = "The new repayment schedule of the loan; must sum to the principal")
            @Size(max = 20) List<ProposalJson.@NotNull @Valid Repayment> schedule) {
    }

    /** One body's approval. */
    @Schema(name = "ApprovalRequest")
    public record ApprovalRequest(@NotNull @Schema(examples = "2026-05-12") LocalDate date,
            @NotBlank @Size(max = 100) @Schema(examples = "BR 2026-123") String caseReference) {
    }

    public record Approval(ApprovalBody body, LocalDate date, String caseReference) {
    }

    @Schema(name = "Decision")
    public record Response(long id, String reference, DecisionType type, String status, String description,
            int effectiveYear, List<ProposalJson.PlanLine> plan, List<ProposalJson.Repayment> schedule,
            List<Approval> approvals, Instant createdAt, String createdBy, Instant approvedAt, long version,
            @Schema(description = "The bodies that may approve next, in the order committee, ØU, BR (for ØKF's own proposals "
                    + "ØU is recorded as COMMITTEE and FINANCE_COMMITTEE, in either order, before BR); empty once all have approved")
            List<ApprovalBody> nextApprovals) {
    }
}
