package dk.kk.gevinstspor.portfolio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dk.kk.gevinstspor.admin.SettingsService;
import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.FrameReport;
import dk.kk.gevinstspor.domain.InnovationFrames;
import dk.kk.gevinstspor.domain.Proposal;

/**
 * The only way from storage to domain objects: one stored proposal, each proposal of a {@link Selection} (streamed,
 * memory bounded), and the innovation-pool frames of an adoption year. Every read goes through one row-to-domain
 * mapping ({@link ProposalRows}); every selection is pre-filtered in SQL and decided by the domain.
 */
@ApplicationScoped
public class Portfolio {

    private final ProposalRows rows;
    private final EvaluationSettings settings;
    private final SettingsService limits;

    public Portfolio(EntityManager em, EvaluationSettings settings, SettingsService limits) {
        this.rows = new ProposalRows(em);
        this.settings = settings;
        this.limits = limits;
    }

    /** The stored proposal with this reference and its actuals, or empty. */
    public Optional<Stored> one(String reference) {
        List<Stored> found = new ArrayList<>(1);
        rows.each(new Selection.Named(Set.of(reference)).where(), true, found::add);
        return found.stream().findFirst();
    }

    /**
     * Each stored proposal the selection keeps, in id order, with its actuals: the selection's SQL pre-filters (two
     * statements read as streams, however many proposals), the domain decides. Memory holds one proposal at a time.
     */
    public void each(Selection selection, Consumer<Stored> consumer) {
        each(selection, consumer, null);
    }

    /**
     * As {@link #each(Selection, Consumer)}, but a pre-filtered proposal the domain refuses to build from its stored
     * rows goes to {@code unreadable} (the selection's rule cannot decide about it) and the others are read on.
     */
    public void each(Selection selection, Consumer<Stored> consumer, Consumer<Unreadable> unreadable) {
        rows.each(selection.where(), true, stored -> {
            if (selection.keeps(stored, settings.tolerance())) {
                consumer.accept(stored);
            }
        }, unreadable);
    }

    /** As {@link #each}, collected (for selections small by nature, such as the loan book or an import batch). */
    public List<Stored> list(Selection selection) {
        List<Stored> found = new ArrayList<>();
        each(selection, found::add);
        return found;
    }

    /**
     * The proposals only, without their actuals (one statement), for selections whose rule needs none (e.g.
     * {@link Selection.Named} for checking an import's rows); their {@link Stored#actuals()} are empty.
     */
    public List<Stored> withoutActuals(Selection.Named selection) {
        List<Stored> found = new ArrayList<>();
        rows.each(selection.where(), false, found::add);
        return found;
    }

    /** How many change decisions await approval, per proposal of the selection's pre-filter that has any (one statement). */
    public Map<Long, Long> pendingDecisions(Selection selection) {
        return rows.pendingDecisions(selection.where());
    }

    /** The innovation-pool frames of an adoption year, allocated to its proposals (a cancelled one with what it used). */
    public FrameReport frames(int adoptionYear) {
        return frames(Selection.InFrames.of(adoptionYear), null).getOrDefault(adoptionYear,
                InnovationFrames.allocate(adoptionYear, limits.frameLimits(adoptionYear), List.of(), p -> Actuals.none()));
    }

    /** The frames of every adoption year with innovation-pool proposals, each as {@link #frames(int)} gives it. */
    public Map<Integer, FrameReport> framesOfEveryYear() {
        return frames(Selection.InFrames.everyYear(), null);
    }

    /** As {@link #framesOfEveryYear()}, without the proposals the domain refuses to build, which go to {@code unreadable}. */
    public Map<Integer, FrameReport> framesOfEveryYear(Consumer<Unreadable> unreadable) {
        return frames(Selection.InFrames.everyYear(), unreadable);
    }

    private Map<Integer, FrameReport> frames(Selection.InFrames selection, Consumer<Unreadable> unreadable) {
        Map<Integer, List<Proposal>> byYear = new TreeMap<>();
        Map<String, Actuals> cancelledActuals = new HashMap<>(); // only a cancelled proposal's are read
        each(selection, stored -> {
            Proposal p = stored.proposal();
            byYear.computeIfAbsent(p.adoptionYear(), y -> new ArrayList<>()).add(p);
            if (p.cancellation() != null) {
                cancelledActuals.put(p.reference(), stored.actuals());
            }
        }, unreadable);
        Map<Integer, FrameReport> frames = new HashMap<>();
        byYear.forEach((year, proposals) -> frames.put(year, InnovationFrames.allocate(year, limits.frameLimits(year), proposals,
                p -> cancelledActuals.getOrDefault(p.reference(), Actuals.none()))));
        return frames;
    }

    /** Each proposal of the selection's SQL pre-filter, before the domain decides (for checking the pre-filter). */
    void candidates(Selection selection, boolean withActuals, Consumer<Stored> consumer) {
        rows.each(selection.where(), withActuals, consumer);
    }
}
