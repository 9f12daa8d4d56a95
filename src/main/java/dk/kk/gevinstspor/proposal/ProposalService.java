package dk.kk.gevinstspor.proposal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.admin.AdministrationRepository;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.Problem;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.domain.rules.Finding;
import dk.kk.gevinstspor.domain.rules.RuleContext;
import dk.kk.gevinstspor.domain.rules.Rules;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Stored;

/**
 * Adopting, reading and describing proposals. Every rule is the domain's; this class loads, checks with the
 * domain, refuses with the domain's findings, and stores.
 */
@ApplicationScoped
public class ProposalService {

    public static final String PLAN_CHANGE_NEEDS_DECISION = "PLAN_CHANGE_NEEDS_DECISION";

    /** A page of proposals and how many there are in all. */
    public record PageOf(List<ProposalJson.Response> items, long total) {
    }

    @Inject
    ProposalRepository proposals;
    @Inject
    AdministrationRepository administrations;
    @Inject
    Portfolio portfolio;
    @Inject
    ProposalSearchRepository searches;
    @Inject
    ProposalSearch search;
    @Inject
    Event<ProposalChanged> changes;

    /** Stores an adopted proposal; its plan becomes the baseline (plan version 1). */
    @Transactional
    public ProposalJson.Response create(ProposalJson.Request request) {
        if (proposals.findByReference(request.reference()).isPresent()) {
            throw ApiException.conflict("A proposal with reference " + request.reference() + " exists already.");
        }
        Proposal proposal = validated(request);
        ProposalEntity entity = ProposalMapper.newEntity(proposal);
        proposals.persist(entity);
        proposals.flush();
        changes.fire(ProposalChanged.proposal(entity.id));
        return view(entity, new HashMap<>());
    }

    public ProposalJson.Response get(String reference) {
        return view(find(reference), new HashMap<>());
    }

    /** The stored proposal with this reference as the domain sees it, with its id and actuals; 404 when there is none. */
    public Stored stored(String reference) {
        return portfolio.one(reference)
                .orElseThrow(() -> ApiException.notFound("No proposal has the reference " + reference + "."));
    }

    /** The stored entity as the domain sees it (its flushed state, read through the portfolio). */
    private Proposal domain(ProposalEntity entity) {
        return portfolio.one(entity.reference).orElseThrow().proposal();
    }

    public ProposalEntity find(String reference) {
        return lookup(reference).orElseThrow(() -> ApiException.notFound("No proposal has the reference " + reference + "."));
    }

    /** The stored proposal with this reference, if there is one (pages answer their own Danish 404). */
    public Optional<ProposalEntity> lookup(String reference) {
        return proposals.findByReference(reference);
    }

    /**
     * Proposals matching the filter ({@link ProposalFilter}: the search text, committee and administration taking part,
     * kind, digital, adoption year, the last completed accounts year's status), ordered by reference; the same
     * statements as the page {@code /forslag} ({@link ProposalSearchRepository}).
     */
    public PageOf list(ProposalFilter filter, int page, int size) {
        int year = search.statusYear();
        long total = searches.count(filter, year);
        List<Long> ids = searches.page(filter, year, ProposalSort.REFERENCE, false, (long) page * size, size).stream()
                .map(ProposalListRow::id).toList();
        Map<Integer, FrameReport> frames = new HashMap<>();
        return new PageOf(proposals.inOrder(ids).stream().map(e -> view(e, frames)).toList(), total);
    }

    /**
     * Changes descriptive fields, flags, assessments and targets. The same values again change nothing; a
     * changed plan or loan is refused (plans change only by decisions); anything else needs the current version.
     */
    @Transactional
    public ProposalJson.Response update(String reference, ProposalJson.Request request) {
        ProposalEntity entity = find(reference);
        if (!reference.equals(request.reference())) {
            throw ApiException.unprocessable("The reference of a proposal cannot change.", List.of(new Problem.Error(
                    "reference", null, null, "REFERENCE_MISMATCH", "Referencen i adressen og i forslaget skal være den samme")));
        }
        Proposal stored = domain(entity);
        ValidationErrors errors = new ValidationErrors();
        checkAdministrations(request, errors);
        Proposal wanted = ProposalMapper.toDomain(request, stored.cancellation(), administrations.sectorCodes(), errors);
        errors.throwIfAny("The proposal is not valid");
        if (!stored.plan().equals(wanted.plan()) || !Objects.equals(stored.loan(), wanted.loan())) {
            throw ApiException.unprocessable("The plan and the loan change only through an approved change decision.",
                    List.of(new Problem.Error(stored.plan().equals(wanted.plan()) ? "loan" : "plan", null, null,
                            PLAN_CHANGE_NEEDS_DECISION,
                            "Planen og lånet kan kun ændres ved en godkendt ændringsbeslutning (fagudvalg, ØU og BR)")));
        }
        if (stored.equals(wanted)) {
            return view(entity, new HashMap<>());
        }
        if (request.version() == null || request.version() != entity.version) {
            throw ApiException.conflict("The proposal has version " + entity.version + "; the change was made from "
                    + (request.version() == null ? "no version" : "version " + request.version())
                    + ". Read it again and repeat the change.");
        }
        refuseErrorFindings(wanted);
        changes.fire(ProposalChanged.proposal(entity.id)); // before: the frame mates of its old adoption year
        ProposalMapper.applyDescription(wanted, entity);
        proposals.flush();
        changes.fire(ProposalChanged.proposal(entity.id));
        return view(entity, new HashMap<>());
    }

    private Proposal validated(ProposalJson.Request request) {
        ValidationErrors errors = new ValidationErrors();
        checkAdministrations(request, errors);
        Proposal proposal = ProposalMapper.toDomain(request, null, administrations.sectorCodes(), errors);
        errors.throwIfAny("The proposal is not valid");
        refuseErrorFindings(proposal);
        return proposal;
    }

    private void checkAdministrations(ProposalJson.Request request, ValidationErrors errors) {
        if (administrations.findByIdOptional(request.leadAdministration()).isEmpty()) {
            errors.add("leadAdministration", "UNKNOWN_ADMINISTRATION", "Ukendt forvaltning: " + request.leadAdministration());
        }
        List<String> others = request.administrationsOrEmpty();
        for (int i = 0; i < others.size(); i++) {
            if (administrations.findByIdOptional(others.get(i)).isEmpty()) {
                errors.add("administrations[" + i + "]", "UNKNOWN_ADMINISTRATION", "Ukendt forvaltning: " + others.get(i));
            }
        }
    }

    /** A proposal with an ERROR finding is not adopted: 422 with the finding codes. */
    private static void refuseErrorFindings(Proposal proposal) {
        ProposalChecks.refuseErrorFindings(proposal, "The proposal breaks the rules of the pools.");
    }

    /** The response for a stored proposal, with its findings computed now. */
    private ProposalJson.Response view(ProposalEntity entity, Map<Integer, FrameReport> framesByYear) {
        Stored stored = portfolio.one(entity.reference).orElseThrow();
        Proposal proposal = stored.proposal();
        Amount treasuryReturn = java.util.Optional.ofNullable(proposal.cancellation())
                .map(c -> c.treasuryReturn(proposal.plan(), stored.actuals()))
                .orElse(null);
        return ProposalMapper.toResponse(entity, proposal, findings(proposal, framesByYear), treasuryReturn);
    }

    /** Every rule's findings on a stored proposal, FRAME_EXCEEDED computed against its frames now. */
    public List<Finding> findings(Proposal proposal) {
        return findings(proposal, new HashMap<>());
    }

    /** As {@link #findings(Proposal)}, with the frames of adoption years already worked out (others are added). */
    public List<Finding> findings(Proposal proposal, Map<Integer, FrameReport> framesByYear) {
        RuleContext context = InnovationFrames.framesOf(proposal).isEmpty()
                ? RuleContext.of(proposal)
                : RuleContext.of(proposal, framesByYear.computeIfAbsent(proposal.adoptionYear(), this::frames));
        return Rules.check(context);
    }

    /** The innovation-pool frames of an adoption year, allocated to its proposals (a cancelled one with what it used). */
    public FrameReport frames(int adoptionYear) {
        return portfolio.frames(adoptionYear);
    }

}
