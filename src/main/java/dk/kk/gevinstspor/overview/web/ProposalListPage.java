package dk.kk.gevinstspor.overview.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.kk.gevinstspor.admin.ReferenceData;
import dk.kk.gevinstspor.common.DanishNumbers;
import dk.kk.gevinstspor.common.web.FormInput;
import dk.kk.gevinstspor.common.web.Labels;
import dk.kk.gevinstspor.domain.FollowUpStatus;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.proposal.ProposalFilter;
import dk.kk.gevinstspor.proposal.ProposalListRow;
import dk.kk.gevinstspor.proposal.ProposalSearch;
import dk.kk.gevinstspor.proposal.ProposalSort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The list of proposals ({@code /forslag}) for every signed-in user, who reads every proposal: a search (reference or
 * words of the title) and filters in one GET form, so a search has an address; sortable columns; pages of
 * {@value #PAGE_SIZE}. The parameters are Danish: {@code q}, {@code udvalg}, {@code forvaltning}, {@code type},
 * {@code status}, {@code digital}, {@code vedtaget}, {@code sort}, {@code retning}, {@code side}. A value the page does not
 * know is a Danish message (422) with the form as it was sent, never silently dropped.
 */
@Path("/forslag")
@Authenticated
public class ProposalListPage {

    static final int PAGE_SIZE = 50;

    /** Danish parameter values of the kinds, statuses, sort columns and directions. */
    static final Map<String, ProposalKind> KINDS = ordered("investering", ProposalKind.INVESTMENT, "innovation",
            ProposalKind.INNOVATION, "foranalyse", ProposalKind.PRE_ANALYSIS);
    static final Map<String, FollowUpStatus> STATUSES = ordered("groen", FollowUpStatus.GREEN, "gul", FollowUpStatus.AMBER, "roed",
            FollowUpStatus.RED, "mangler", FollowUpStatus.MISSING, "ikke-startet", FollowUpStatus.NOT_STARTED);
    static final Map<String, ProposalSort> SORTS = ordered("reference", ProposalSort.REFERENCE, "titel", ProposalSort.TITLE,
            "udvalg", ProposalSort.COMMITTEE, "forvaltning", ProposalSort.ADMINISTRATION, "type", ProposalSort.KIND, "vedtaget",
            ProposalSort.ADOPTION_YEAR, "status", ProposalSort.STATUS);
    static final String ASCENDING = "stigende";
    static final String DESCENDING = "faldende";

    /** An option of a filter's select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A column heading: its label, the link that sorts by it, and {@code aria-sort} when the list is sorted by it. */
    public record Heading(String label, String href, String ariaSort) {
    }

    public record Problem(String field, String message) {
    }

    /** The form as sent (its values kept), the headings, the page of rows and the links to the pages beside it. */
    public record View(String q, List<Option> committees, List<Option> administrations, List<Option> kinds, List<Option> statuses,
            List<Option> digital, List<Option> years, String sort, String direction, List<Heading> headings,
            List<ProposalListRow> rows, long total, int page, int pages, int statusYear, String previous, String next,
            List<Problem> summary) {

        /** The number of matches the Danish way ({@code 1.234}). */
        public String totalText() {
            return DanishNumbers.format(BigDecimal.valueOf(total));
        }

        /** True when the field's value was refused (its input is marked invalid). */
        public boolean invalid(String field) {
            return summary.stream().anyMatch(p -> field.equals(p.field()));
        }

        /** "Side 2 af 14", numbers the Danish way. */
        public String pageText() {
            return "Side " + DanishNumbers.format(BigDecimal.valueOf(page)) + " af " + DanishNumbers.format(BigDecimal.valueOf(pages));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(View view);
    }

    @Inject
    ProposalSearch search;
    @Inject
    ReferenceData referenceData;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response list(@QueryParam("q") String q, @QueryParam("udvalg") String committee,
            @QueryParam("forvaltning") String administration, @QueryParam("type") String kind, @QueryParam("status") String status,
            @QueryParam("digital") String digital, @QueryParam("vedtaget") String year, @QueryParam("sort") String sort,
            @QueryParam("retning") String direction, @QueryParam("side") String page) {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("q", strip(q));
        sent.put("udvalg", strip(committee));
        sent.put("forvaltning", strip(administration));
        sent.put("type", strip(kind));
        sent.put("status", strip(status));
        sent.put("digital", strip(digital));
        sent.put("vedtaget", strip(year));
        String sortKey = strip(sort).isEmpty() ? "reference" : strip(sort);
        boolean descending = DESCENDING.equals(strip(direction));

        Map<String, String> committees = referenceData.committees().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c.name, (a, b) -> a, LinkedHashMap::new));
        Map<String, String> administrations = referenceData.administrations().stream()
                .collect(Collectors.toMap(a -> a.code, a -> a.name, (a, b) -> a, LinkedHashMap::new));
        List<Integer> years = search.adoptionYears();

        List<Problem> problems = new ArrayList<>();
        if (sent.get("q").length() > ProposalFilter.MAX_TEXT) {
            problems.add(new Problem("q", "Søgeteksten er for lang: højst " + ProposalFilter.MAX_TEXT + " tegn."));
        }
        known(problems, "udvalg", sent, committees, "Ukendt udvalg: ");
        known(problems, "forvaltning", sent, administrations, "Ukendt forvaltning: ");
        known(problems, "type", sent, KINDS, "Ukendt type: ");
        known(problems, "status", sent, STATUSES, "Ukendt status: ");
        known(problems, "digital", sent, Map.of("ja", true, "nej", false), "Digital skal være ja eller nej, ikke ");
        Integer adoptionYear = FormInput.year(sent.get("vedtaget"));
        if (!sent.get("vedtaget").isEmpty() && adoptionYear == null) {
            problems.add(new Problem("vedtaget", "Ugyldigt år: " + sent.get("vedtaget") + "."));
        }
        if (!SORTS.containsKey(sortKey) || !strip(direction).isEmpty() && !descending && !ASCENDING.equals(strip(direction))) {
            problems.add(new Problem(null, "Listen kan ikke sorteres sådan. Vælg en kolonne i tabellens overskrift."));
            sortKey = "reference";
            descending = false;
        }
        Long pageNumber = strip(page).isEmpty() ? Long.valueOf(1) : FormInput.number(strip(page));
        if (pageNumber == null || pageNumber < 1 || pageNumber > Integer.MAX_VALUE / PAGE_SIZE) {
            problems.add(new Problem(null, "Ugyldigt sidetal: " + strip(page) + "."));
            pageNumber = 1L;
        }

        Map<String, String> query = new LinkedHashMap<>(sent);
        query.put("sort", sortKey);
        query.put("retning", descending ? DESCENDING : ASCENDING);
        List<Heading> headings = headings(query, sortKey, descending, search.statusYear());
        List<Option> kinds = options(KINDS.keySet(), k -> Labels.kind(KINDS.get(k)), sent.get("type"));
        List<Option> statuses = options(STATUSES.keySet(), s -> Labels.status(STATUSES.get(s)), sent.get("status"));
        List<Option> digitalOptions = options(List.of("ja", "nej"), d -> d.equals("ja") ? "Ja" : "Nej", sent.get("digital"));
        List<Option> yearOptions = options(years.stream().map(String::valueOf).toList(), y -> y, sent.get("vedtaget"));
        List<Option> committeeOptions = options(committees.keySet(), committees::get, sent.get("udvalg"));
        List<Option> administrationOptions = options(administrations.keySet(), administrations::get, sent.get("forvaltning"));
        if (!problems.isEmpty()) {
            View view = new View(sent.get("q"), committeeOptions, administrationOptions, kinds, statuses, digitalOptions, yearOptions,
                    sortKey, query.get("retning"), headings, List.of(), 0, 1, 1, search.statusYear(), null, null, problems);
            return FormInput.html(422, Templates.list(view));
        }
        ProposalFilter filter = new ProposalFilter(blankToNull(sent.get("q")), blankToNull(sent.get("udvalg")),
                blankToNull(sent.get("forvaltning")), KINDS.get(sent.get("type")), digitalValue(sent.get("digital")), adoptionYear,
                STATUSES.get(sent.get("status")));
        ProposalSearch.Result result = search.search(filter, SORTS.get(sortKey), descending, (int) (pageNumber - 1), PAGE_SIZE);
        int shown = result.page() + 1;
        View view = new View(sent.get("q"), committeeOptions, administrationOptions, kinds, statuses, digitalOptions, yearOptions,
                sortKey, query.get("retning"), headings, result.rows(), result.total(), shown, result.pages(), result.statusYear(),
                shown > 1 ? href(query, "side", Integer.toString(shown - 1)) : null,
                shown < result.pages() ? href(query, "side", Integer.toString(shown + 1)) : null, List.of());
        return FormInput.html(200, Templates.list(view));
    }

    /** The column headings: each links to the list sorted by it (ascending, or the other way when sorted by it already). */
    private static List<Heading> headings(Map<String, String> query, String sortKey, boolean descending, int statusYear) {
        Map<String, String> labels = ordered("reference", "Reference", "titel", "Titel", "udvalg", "Udvalg", "forvaltning",
                "Forvaltning", "type", "Type", "vedtaget", "Vedtaget", "status", "Status " + statusYear);
        List<Heading> headings = new ArrayList<>();
        for (Map.Entry<String, String> column : labels.entrySet()) {
            boolean sorted = column.getKey().equals(sortKey);
            Map<String, String> sortedBy = new LinkedHashMap<>(query);
            sortedBy.put("sort", column.getKey());
            sortedBy.put("retning", sorted && !descending ? DESCENDING : ASCENDING);
            headings.add(new Heading(column.getValue(), href(sortedBy, null, null),
                    sorted ? (descending ? "descending" : "ascending") : null));
        }
        return headings;
    }

    /** {@code /forslag?…} with the non-empty parameters (and one more, when named), URL-encoded. */
    static String href(Map<String, String> query, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(query);
        if (name != null) {
            all.put(name, value);
        }
        return "/forslag?" + all.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void known(List<Problem> problems, String field, Map<String, String> sent, Map<String, ?> values, String message) {
        String value = sent.get(field);
        if (!value.isEmpty() && !values.containsKey(value)) {
            problems.add(new Problem(field, message + value + "."));
        }
    }

    private static List<Option> options(Iterable<String> values, java.util.function.Function<String, String> label, String chosen) {
        List<Option> options = new ArrayList<>();
        values.forEach(v -> options.add(new Option(v, label.apply(v), v.equals(chosen))));
        return options;
    }

    private static Boolean digitalValue(String text) {
        return "ja".equals(text) ? Boolean.TRUE : "nej".equals(text) ? Boolean.FALSE : null;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
