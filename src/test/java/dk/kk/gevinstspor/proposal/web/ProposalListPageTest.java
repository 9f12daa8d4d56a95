package dk.kk.gevinstspor.proposal.web;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static dk.kk.gevinstspor.common.web.Browser.page;
import static dk.kk.gevinstspor.proposal.Api.created;
import static dk.kk.gevinstspor.proposal.Api.createdIn2027WithFigures;
import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.kk.gevinstspor.common.web.Browser;
import dk.kk.gevinstspor.proposal.Bodies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;

/**
 * The list of proposals {@code /forslag}: search by reference (any case, part of it) and by words of the title (Danish
 * letters, part of a word), each filter, sorting both ways with {@code aria-sort}, pages of 50, no hits, bad values, and
 * that every signed-in role reads every proposal. Titles carry a word of this run only, so other tests' proposals in the
 * shared database never match.
 */
@QuarkusTest
class ProposalListPageTest {

    static final String PASSWORD = "proposal-list-password";
    static final String VIEWER = "proposallist.viewer";
    static final String SOF_ENTRY = "proposallist.sof";
    /** A word no other proposal has: letters that are no hex digits, so no reference (…-T-1a2b3c4d) contains it. */
    static final String TOKEN = Bodies.word();
    static final String SERIES = Bodies.word();
    static String digital;
    static String school;
    static String preAnalysis;
    static String openData;

    @BeforeEach
    void proposalsOnce() {
        if (digital != null) {
            return;
        }
        Browser.user(VIEWER, PASSWORD, "viewer", List.of());
        Browser.user(SOF_ENTRY, PASSWORD, "entry", List.of("SOF"));
        // BUF, investment, digital, adopted 2026, no figures: "Mangler" in 2029
        digital = Bodies.reference("BUF");
        Map<String, Object> p1 = Bodies.investment(digital);
        p1.put("title", TOKEN + " Digital pladsanvisning i Ørestad");
        created(p1);
        // KFF with BUF taking part, not digital, adopted 2027, figures as planned: "Grøn" in 2029
        school = Bodies.reference("KFF");
        Map<String, Object> p2 = Bodies.investment(school);
        p2.put("title", TOKEN + " Energirenovering af skoler");
        p2.put("administrations", List.of("KFF", "BUF"));
        p2.put("digital", false);
        p2.put("newItSystem", false);
        createdIn2027WithFigures(p2);
        // SOF, pre-analysis, adopted 2021
        preAnalysis = Bodies.reference("SOF");
        Map<String, Object> p3 = Bodies.preAnalysisWithLoan(preAnalysis);
        p3.put("title", TOKEN + " Foranalyse af robotter i hjemmeplejen");
        created(p3);
        // BUF again, a title starting with Å: last in Danish order
        openData = Bodies.reference("BUF");
        Map<String, Object> p4 = Bodies.investment(openData);
        p4.put("title", TOKEN + " Åbne data om daginstitutioner");
        created(p4);
        for (int i = 0; i < 51; i++) {
            Map<String, Object> p = Bodies.investment(Bodies.reference("BUF"));
            p.put("title", SERIES + " Serie " + i);
            created(p);
        }
        json().post("/api/admin/snapshots/rebuild").then().statusCode(200);
    }

    @Test
    void a_reference_is_found_in_any_case_and_in_part_and_links_to_its_page() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        String part = school.substring(0, school.length() - 2).toLowerCase();
        Document found = list(viewer, "q=" + part, 200);
        assertThat(references(found)).containsExactly(school);
        Element link = found.selectFirst("table.proposal-list td.reference a");
        assertThat(link.attr("href")).isEqualTo("/forslag/" + school);
        assertThat(page(viewer, link.attr("href"), 200).selectFirst("h1").text()).startsWith(school);
        assertThat(found.selectFirst(".result-count").text()).isEqualTo("1 forslag matcher");
    }

    @Test
    void every_word_of_the_title_must_occur_in_any_case_danish_letters_and_parts_of_words_included() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        assertThat(references(list(viewer, "q=" + TOKEN.toUpperCase() + " ØRESTAD", 200))).containsExactly(digital);
        assertThat(references(list(viewer, "q=" + TOKEN + " åbne", 200))).containsExactly(openData);
        assertThat(references(list(viewer, "q=" + TOKEN + " renover", 200))).containsExactly(school);
        assertThat(references(list(viewer, "q=" + "  " + TOKEN + "  ", 200)))
                .containsExactlyInAnyOrder(digital, school, preAnalysis, openData);
        // a per cent sign or underscore is a character, not a wildcard
        assertThat(list(viewer, "q=" + TOKEN + " %", 200).select("table.proposal-list")).isEmpty();
    }

    @Test
    void nothing_matching_says_so_and_the_form_keeps_what_was_typed() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        Document none = list(viewer, "q=" + TOKEN + " ingenting" + "&udvalg=BUU&type=investering", 200);
        assertThat(none.selectFirst(".result-count").text()).startsWith("Ingen forslag matcher");
        assertThat(none.select("table.proposal-list")).isEmpty();
        assertThat(none.selectFirst("#q").val()).isEqualTo(TOKEN + " ingenting");
        assertThat(none.selectFirst("#udvalg option[selected]").val()).isEqualTo("BUU");
        assertThat(none.selectFirst("#type option[selected]").text()).isEqualTo("Investeringsforslag");
        assertThat(none.selectFirst("form.proposal-search").attr("method")).isEqualTo("get");
    }

    @Test
    void each_filter_narrows_the_list() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        String q = "q=" + TOKEN;
        // committee and administration: taking part, lead or not (the school is KFF's with BUF taking part)
        assertThat(references(list(viewer, q + "&udvalg=BUU", 200))).containsExactlyInAnyOrder(digital, school, openData);
        assertThat(references(list(viewer, q + "&forvaltning=KFF", 200))).containsExactly(school);
        assertThat(references(list(viewer, q + "&forvaltning=SOF", 200))).containsExactly(preAnalysis);
        assertThat(references(list(viewer, q + "&type=foranalyse", 200))).containsExactly(preAnalysis);
        assertThat(references(list(viewer, q + "&type=investering", 200))).containsExactlyInAnyOrder(digital, school, openData);
        assertThat(references(list(viewer, q + "&digital=ja", 200))).containsExactlyInAnyOrder(digital, openData);
        assertThat(references(list(viewer, q + "&digital=nej", 200))).containsExactlyInAnyOrder(school, preAnalysis);
        assertThat(references(list(viewer, q + "&vedtaget=2027", 200))).containsExactly(school);
        // the status of 2029 (the last completed year in the tests) from the snapshots
        assertThat(references(list(viewer, q + "&status=groen", 200))).containsExactly(school);
        Document missing = list(viewer, q + "&status=mangler", 200);
        assertThat(references(missing)).contains(digital, openData).doesNotContain(school);
        assertThat(missing.select("table.proposal-list td.status").eachText()).containsOnly("Mangler");
        assertThat(missing.selectFirst("label[for=status]").text()).isEqualTo("Status 2029");
        // several at once
        assertThat(references(list(viewer, q + "&udvalg=BUU&digital=nej&vedtaget=2027&status=groen", 200))).containsExactly(school);
        // the row shows the lead with the others taking part, the Danish kind and status
        Element row = list(viewer, q + "&forvaltning=KFF", 200).selectFirst("table.proposal-list tbody tr");
        assertThat(row.select("td").eachText()).containsExactly(school, TOKEN + " Energirenovering af skoler", "KFU", "KFF med BUF",
                "Investeringsforslag", "2027", "Grøn");
    }

    @Test
    void columns_sort_both_ways_with_aria_sort_and_the_heading_links_turn_the_order() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        String q = "q=" + TOKEN;
        Document ascending = list(viewer, q + "&sort=titel", 200);
        assertThat(references(ascending)).containsExactly(digital, school, preAnalysis, openData);
        Element title = ascending.selectFirst("th[aria-sort]");
        assertThat(title.text()).startsWith("Titel");
        assertThat(title.attr("aria-sort")).isEqualTo("ascending");
        assertThat(ascending.select("th[aria-sort]")).hasSize(1);
        String turn = title.selectFirst("a").attr("href");
        assertThat(turn).contains("sort=titel").contains("retning=faldende");
        Document descending = page(viewer, turn, 200);
        assertThat(references(descending)).containsExactly(openData, preAnalysis, school, digital);
        assertThat(descending.selectFirst("th[aria-sort]").attr("aria-sort")).isEqualTo("descending");

        assertThat(references(list(viewer, q + "&sort=vedtaget&retning=faldende", 200)).subList(0, 1)).containsExactly(school);
        assertThat(references(list(viewer, q + "&sort=vedtaget", 200)).get(0)).isEqualTo(preAnalysis);
        assertThat(references(list(viewer, q + "&sort=forvaltning", 200))).containsExactly(sorted(digital, openData).get(0),
                sorted(digital, openData).get(1), school, preAnalysis);
        assertThat(references(list(viewer, q + "&sort=type", 200)).get(0)).isEqualTo(preAnalysis);
        assertThat(references(list(viewer, q + "&sort=status", 200)).get(0)).isEqualTo(school);
        assertThat(references(list(viewer, q + "&sort=reference&retning=faldende", 200)))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(references(list(viewer, q, 200))).isSorted();
        // the other headings link to their column, ascending, keeping the search
        Element committee = ascending.select("th").stream().filter(th -> th.text().equals("Udvalg")).findFirst().orElseThrow();
        assertThat(committee.hasAttr("aria-sort")).isFalse();
        assertThat(committee.selectFirst("a").attr("href")).contains("q=" + TOKEN).contains("sort=udvalg").contains("retning=stigende");
    }

    @Test
    void fifty_to_a_page_with_the_page_number_and_links_to_the_pages_beside_it() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        Document first = list(viewer, "q=" + SERIES, 200);
        assertThat(first.select("table.proposal-list tbody tr")).hasSize(50);
        assertThat(first.selectFirst(".result-count").text()).isEqualTo("51 forslag matcher · Side 1 af 2");
        assertThat(first.selectFirst("nav.pagination").text()).contains("Side 1 af 2").contains("Næste").doesNotContain("Forrige");
        String next = first.selectFirst("nav.pagination a[rel=next]").attr("href");
        assertThat(next).contains("side=2").contains("q=" + SERIES);
        Document second = page(viewer, next, 200);
        assertThat(second.select("table.proposal-list tbody tr")).hasSize(1);
        assertThat(second.selectFirst("nav.pagination").text()).contains("Side 2 af 2").contains("Forrige").doesNotContain("Næste");
        List<String> all = new ArrayList<>(references(first));
        all.addAll(references(second));
        assertThat(all).hasSize(51).doesNotHaveDuplicates().isSorted();
        // a page beyond the last shows the last
        assertThat(references(list(viewer, "q=" + SERIES + "&side=9", 200))).isEqualTo(references(second));
    }

    @Test
    void every_signed_in_role_reads_every_proposal_and_anonymous_visitors_are_sent_to_the_login() {
        for (CookieFilter user : List.of(login(VIEWER, PASSWORD), login(SOF_ENTRY, PASSWORD), login("admin", "admin-test-password"))) {
            assertThat(references(list(user, "q=" + TOKEN, 200))).containsExactlyInAnyOrder(digital, school, preAnalysis, openData);
        }
        io.restassured.response.Response anonymous = given().redirects().follow(false).get("/forslag");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/login");
    }

    @Test
    void a_value_the_page_does_not_know_is_a_danish_message_and_shows_no_list() {
        CookieFilter viewer = login(VIEWER, PASSWORD);
        Document refused = list(viewer, "q=" + TOKEN + "&udvalg=XYZ&vedtaget=tyve&side=0", 422);
        assertThat(refused.select(".error-summary li").eachText()).containsExactly("Ukendt udvalg: XYZ.", "Ugyldigt år: tyve.",
                "Ugyldigt sidetal: 0.");
        assertThat(refused.selectFirst("#udvalg").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#q").val()).isEqualTo(TOKEN);
        assertThat(refused.select("table.proposal-list")).isEmpty();
        assertThat(list(viewer, "sort=pris", 422).select(".error-summary li").eachText())
                .containsExactly("Listen kan ikke sorteres sådan. Vælg en kolonne i tabellens overskrift.");
        assertThat(list(viewer, "q=" + "x".repeat(101), 422).select(".error-summary li").eachText())
                .containsExactly("Søgeteksten er for lang: højst 100 tegn.");
    }

    private static Document list(CookieFilter user, String query, int status) {
        return page(user, "/forslag?" + query, status);
    }

    private static List<String> references(Document list) {
        return list.select("table.proposal-list td.reference a").eachText();
    }

    private static List<String> sorted(String... references) {
        return java.util.Arrays.stream(references).sorted().toList();
    }
}
