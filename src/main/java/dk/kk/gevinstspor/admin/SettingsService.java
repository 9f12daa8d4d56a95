package dk.kk.gevinstspor.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.kk.gevinstspor.common.config.Today;
import dk.kk.gevinstspor.common.error.ApiException;
import dk.kk.gevinstspor.common.error.ValidationErrors;
import dk.kk.gevinstspor.common.events.ProposalChanged;
import dk.kk.gevinstspor.domain.Amount;
import dk.kk.gevinstspor.domain.EntryDeadline;
import dk.kk.gevinstspor.domain.Frame;
import dk.kk.gevinstspor.domain.FrameLimits;
import dk.kk.gevinstspor.domain.PriceIndex;

/**
 * The administrators' settings: the price index table (year → index), the innovation pool's frame limits
 * per adoption year (the seed's defaults overlaid with stored rows), and the deadline for entering figures.
 */
@ApplicationScoped
public class SettingsService {

    /** A price index: numeric(12,4), so at most four decimals and eight digits before the point. */
    private static final int INDEX_SCALE = 4;
    private static final int INDEX_INTEGER_DIGITS = 8;

    @Inject
    PriceIndexRepository priceIndices;
    @Inject
    FrameLimitRepository frameLimits;
    @Inject
    EntryDeadlineRepository entryDeadlines;
    @Inject
    Event<ProposalChanged> changes;
    @Inject
    Today today;

    /**
     * One year of the price index page: its stored index (or null), how many proposals are stated in its price level,
     * whether it is a meeting year the reports can be asked for, and whether a report would be refused for its lack
     * (only a non-empty table can lack a year; DOMAIN.md Edges 10).
     */
    public record PriceIndexNeed(int year, BigDecimal index, Long version, int proposals, boolean meetingYear, boolean missing) {

        /** True when a proposal's price level or a report's meeting year needs the year's index. */
        public boolean needed() {
            return proposals > 0 || meetingYear;
        }
    }

    // --- price index ------------------------------------------------------------------------------

    /** The domain's price index of every stored year (empty: factor 1). */
    public PriceIndex priceIndex() {
        Map<Integer, BigDecimal> indices = new TreeMap<>();
        priceIndices.listAll().forEach(row -> indices.put(row.year, row.indexValue));
        return new PriceIndex(indices);
    }

    /**
     * Every year the portfolio needs an index for, and every stored year, ascending: each proposal's price level year,
     * and the meeting years the reports can be asked for (from the year after the earliest plan year up to next year,
     * the newest the report pages offer), marked missing where the non-empty table lacks them.
     */
    @Transactional
    public List<PriceIndexNeed> priceIndexNeeds() {
        PriceIndex index = priceIndex();
        Map<Integer, Integer> proposals = priceIndices.proposalsByPriceLevelYear();
        SortedSet<Integer> meetingYears = new TreeSet<>();
        priceIndices.firstPlanYear().ifPresent(first -> {
            for (int year = first + 1; year <= today.year() + 1; year++) {
                meetingYears.add(year);
            }
        });
        SortedSet<Integer> needed = new TreeSet<>(proposals.keySet());
        needed.addAll(meetingYears);
        SortedSet<Integer> missing = index.missingYears(needed);
        Map<Integer, PriceIndexEntity> stored = new TreeMap<>();
        priceIndices.listAll().forEach(row -> stored.put(row.year, row));
        SortedSet<Integer> years = new TreeSet<>(needed);
        years.addAll(stored.keySet());
        return years.stream().map(year -> {
            PriceIndexEntity row = stored.get(year);
            return new PriceIndexNeed(year, row == null ? null : row.indexValue, row == null ? null : row.version,
                    proposals.getOrDefault(year, 0), meetingYears.contains(year), missing.contains(year));
        }).toList();
    }

    /** Every stored year, ascending. */
    public List<SettingsJson.PriceIndexYear> priceIndexYears() {
        return priceIndices.listInOrder().stream().map(SettingsJson.PriceIndexYear::of).toList();
    }

    public SettingsJson.PriceIndexYear priceIndexYear(int year) {
        return priceIndices.findByIdOptional(year).map(SettingsJson.PriceIndexYear::of)
                .orElseThrow(() -> ApiException.notFound("The price index has no year " + year + "."));
    }

    /**
     * The needed years ({@link #priceIndexNeeds}) that would still have no index once {@code year} is stored,
     * ascending: what a save of that year would leave missing (the index page warns before such a save).
     */
    public List<Integer> priceIndexMissingAfter(int year) {
        return priceIndexNeeds().stream().filter(n -> n.needed() && n.index() == null && n.year() != year)
                .map(PriceIndexNeed::year).toList();
    }

    /**
     * Checks a year's index as {@link #putPriceIndex} would store it, storing nothing: 422 with every error, 409
     * when the stored year was changed since {@code body.version()}.
     */
    @Transactional
    public void checkPriceIndex(int year, SettingsJson.PriceIndexYear body) {
        ValidationErrors errors = new ValidationErrors();
        if (body.year() != null && body.year() != year) {
            errors.add("year", "YEAR_MISMATCH", "Året i adressen (" + year + ") og i indholdet (" + body.year() + ") skal være det samme");
        }
        BigDecimal index = body.index();
        if (index == null) {
            errors.add("index", "INDEX_REQUIRED", "Angiv indekset");
        } else {
            BigDecimal stripped = index.stripTrailingZeros();
            if (index.signum() <= 0) {
                errors.add("index", "INDEX_NOT_POSITIVE", "Indekset skal være større end 0");
            }
            if (stripped.scale() > INDEX_SCALE) {
                errors.add("index", "NUMBER_TOO_MANY_DECIMALS", "Tallet må højst have fire decimaler: " + index.toPlainString());
            }
            if (stripped.precision() - stripped.scale() > INDEX_INTEGER_DIGITS) {
                errors.add("index", "NUMBER_TOO_LARGE", "Tallet er for stort");
            }
        }
        errors.throwIfAny("The price index is not valid");
        Optional<PriceIndexEntity> existing = priceIndices.findByIdOptional(year);
        if (existing.isPresent() && existing.get().indexValue.compareTo(index) != 0
                && (body.version() == null || body.version() != existing.get().version)) {
            throw ApiException.conflict("The price index of " + year + " has version " + existing.get().version
                    + "; the change was made from " + (body.version() == null ? "no version" : "version " + body.version())
                    + ". Read it again and repeat the change.");
        }
    }

    /**
     * Stores a year's index (insert or update). The same index again changes nothing and keeps the version; a
     * change of a stored year needs its current version (else 409).
     */
    @Transactional
    public SettingsJson.PriceIndexYear putPriceIndex(int year, SettingsJson.PriceIndexYear body) {
        checkPriceIndex(year, body);
        BigDecimal index = body.index();
        Optional<PriceIndexEntity> existing = priceIndices.findByIdOptional(year);
        if (existing.isPresent()) {
            PriceIndexEntity row = existing.get();
            if (row.indexValue.compareTo(index) == 0) {
                return SettingsJson.PriceIndexYear.of(row);
            }
            row.indexValue = index.setScale(INDEX_SCALE);
            row.updatedAt = Instant.now();
            priceIndices.flush();
            return SettingsJson.PriceIndexYear.of(row);
        }
        PriceIndexEntity row = new PriceIndexEntity();
        row.year = year;
        row.indexValue = index.setScale(INDEX_SCALE);
        row.updatedAt = Instant.now();
        priceIndices.persist(row);
        priceIndices.flush();
        return SettingsJson.PriceIndexYear.of(row);
    }

    // --- the deadline for entering figures ------------------------------------------------------------

    /** The deadline for entering figures (the seed's 1 March until an admin sets another). */
    @Transactional
    public EntryDeadline entryDeadline() {
        return entryDeadlines.stored().map(row -> new EntryDeadline(row.day, row.month))
                .orElse(EntryDeadline.DEFAULT);
    }

    /** The deadline as the API shows it, with its version. */
    @Transactional
    public SettingsJson.EntryDeadline entryDeadlineJson() {
        return entryDeadlines.stored().map(row -> new SettingsJson.EntryDeadline(row.day, row.month, row.version))
                .orElse(new SettingsJson.EntryDeadline(EntryDeadline.DEFAULT.day(), EntryDeadline.DEFAULT.month(), null));
    }

    /**
     * Stores the deadline: 422 with every error (day and month as {@link EntryDeadline#errors}), 409 when the body's
     * {@code version} is not the stored one. The same deadline again changes nothing and keeps the version.
     */
    @Transactional
    public SettingsJson.EntryDeadline putEntryDeadline(SettingsJson.EntryDeadline body) {
        ValidationErrors errors = new ValidationErrors().addAll(EntryDeadline.errors(body.day(), body.month()));
        errors.throwIfAny("The entry deadline is not valid");
        EntryDeadlineEntity row = entryDeadlines.stored().orElseGet(() -> {
            EntryDeadlineEntity fresh = new EntryDeadlineEntity();
            fresh.id = EntryDeadlineEntity.ID;
            fresh.day = EntryDeadline.DEFAULT.day();
            fresh.month = EntryDeadline.DEFAULT.month();
            entryDeadlines.persist(fresh);
            return fresh;
        });
        if (body.version() != null && body.version() != row.version) {
            throw ApiException.conflict("The entry deadline has version " + row.version + "; the change was made from version "
                    + body.version() + ". Read it again and repeat the change.");
        }
        if (row.day != body.day() || row.month != body.month()) {
            row.day = body.day();
            row.month = body.month();
            row.updatedAt = Instant.now();
        }
        entryDeadlines.flush();
        return new SettingsJson.EntryDeadline(row.day, row.month, row.version);
    }

    // --- frame limits -------------------------------------------------------------------------------

    /** The limits of an adoption year: the seed's defaults with every stored row in place of its default. */
    public FrameLimits frameLimits(int adoptionYear) {
        FrameLimits limits = FrameLimits.defaults();
        for (FrameLimitEntity row : frameLimits.forYear(adoptionYear)) {
            limits = limits.with(row.frame, Amount.of(row.amount));
        }
        return limits;
    }

    /** The limits as API.md shows them: every frame, in the enum's order. */
    public Map<String, BigDecimal> frameLimitsMap(int adoptionYear) {
        return asMap(frameLimits(adoptionYear));
    }

    /**
     * Stores the given frames' limits (all five or a subset); the others keep theirs. Unknown frames, absent,
     * negative, too large amounts or more than two decimals are 422 and change nothing.
     */
    @Transactional
    public Map<String, BigDecimal> putFrameLimits(int adoptionYear, Map<String, BigDecimal> body) {
        ValidationErrors errors = new ValidationErrors();
        Map<Frame, BigDecimal> wanted = new EnumMap<>(Frame.class);
        body.forEach((key, value) -> {
            Frame frame = frameOf(key);
            if (frame == null) {
                errors.add(key, "UNKNOWN_FRAME", "Ukendt ramme: " + key + " (TRANSFER_CASE, BUDGET, PRE_ANALYSIS_ADMINISTRATION,"
                        + " PRE_ANALYSIS_CROSS_CUTTING eller TOTAL)");
            } else if (value == null) {
                errors.add(key, "AMOUNT_REQUIRED", "Angiv rammens beløb");
            } else {
                errors.amount(key, value, false);
                wanted.put(frame, value);
            }
        });
        errors.throwIfAny("The frame limits are not valid");
        wanted.forEach((frame, value) -> {
            Optional<FrameLimitEntity> existing = frameLimits.findByIdOptional(new FrameLimitEntity.Key(adoptionYear, frame));
            if (existing.isPresent()) {
                if (existing.get().amount.compareTo(value) != 0) {
                    existing.get().amount = value.setScale(Amount.SCALE);
                }
            } else {
                FrameLimitEntity row = new FrameLimitEntity();
                row.adoptionYear = adoptionYear;
                row.frame = frame;
                row.amount = value.setScale(Amount.SCALE);
                frameLimits.persist(row);
            }
        });
        frameLimits.flush();
        changes.fire(ProposalChanged.frames(adoptionYear));
        return frameLimitsMap(adoptionYear);
    }

    private static Frame frameOf(String key) {
        for (Frame frame : Frame.values()) {
            if (frame.name().equals(key)) {
                return frame;
            }
        }
        return null;
    }

    private static Map<String, BigDecimal> asMap(FrameLimits limits) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (Frame frame : Frame.values()) {
            map.put(frame.name(), limits.limit(frame).value());
        }
        return map;
    }
}
