package dk.kk.gevinstspor.demo;

import static dk.kk.gevinstspor.common.web.Browser.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/**
 * No code reaches the screen or a file: every page of the demo portfolio that the three roles reach from their start
 * (following each link and each choice of each GET form), every report export (CSV, XLSX, HTML) and the import
 * template is read as a person reads it — the visible text of a page (not its attributes, hidden inputs, URLs or
 * {@code data-*}), the text of a CSV, the cells and sheet names of an XLSX — and fails on any enum constant's name
 * (those with an underscore, or of four letters or more: GREEN, PENDING, CITY_COUNCIL, TRANSFER_CASE, TOTAL, …; the
 * list is built from the service's enums) and on an ISO moment ({@code 2026-11-30T13:05}).
 */
@QuarkusTest
@TestProfile(DemoPagesTest.DemoSchema.class)
class NoCodesOnScreenTest {

    static final int MEETING_YEAR = DemoPagesTest.MEETING_YEAR;
    /** Where a person goes: the pages, the report exports and the template (not the JSON API, not /q). */
    static final List<String> READ = List.of("/", "/forslag", "/rapporter", "/indberetning", "/admin", "/adgangskode", "/login",
            "/api/reports/", "/api/imports/actuals/template");
    static final Pattern ISO_MOMENT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private static Set<String> codes;

    /** Every constant name of the service's enums that is a code on screen: with an underscore, or of 4 letters or more. */
    static synchronized Set<String> codes() {
        if (codes != null) {
            return codes;
        }
        codes = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.kk.gevinstspor")) {
            if (c.isEnum()) {
                for (Object constant : c.reflect().getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.matches("[A-Z0-9_]+") && (name.contains("_") || name.length() >= 4)) {
                        codes.add(name);
                    }
                }
            }
        }
        return codes;
    }

    static final Pattern CODE = Pattern.compile("(?<![\\p{L}\\p{N}_])(" + String.join("|", codes()) + ")(?![\\p{L}\\p{N}_])");

    @Test
    void the_list_of_codes_is_built_from_the_enums() {
        assertThat(codes()).contains("GREEN", "AMBER", "INVESTMENT", "PENDING", "CITY_COUNCIL", "TRANSFER_CASE", "TOTAL",
                "AMOUNT_DEVIATION", "PRE_ANALYSIS", "ON_SCHEDULE", "PAYBACK_OVER_6").doesNotContain("KPI", "RED", "MET");
        assertThat(found("Status: GREEN, beløb 1.000")).containsExactly("GREEN");
        assertThat(found("Overførselssagen (TRANSFER_CASE)")).containsExactly("TRANSFER_CASE");
        assertThat(found("Grøn; Afventer godkendelse; Totalt; TOTALT; ØKF-2026-01")).isEmpty();
        assertThat(found("30.11.2026 14:05 og 2026-11-30T13:05:00Z")).containsExactly("2026-11-30T13:05");
    }

    @Test
    void the_viewer_sees_no_code() {
        CookieFilter viewer = login("itkredsen", "demo-viewer-2026");
        List<String> seeds = new ArrayList<>(List.of("/", "/rapporter"));
        seeds.addAll(exports(viewer));
        assertNoCodes(crawl(viewer, seeds, false));
    }

    @Test
    void the_entry_user_sees_no_code() {
        CookieFilter entry = login("buf.indberetter", "demo-buf-2026");
        List<String> seeds = new ArrayList<>(List.of("/", "/indberetning", "/indberetning/upload", "/rapporter",
                "/api/imports/actuals/template?year=" + (MEETING_YEAR - 1) + "&format=csv",
                "/api/imports/actuals/template?year=" + (MEETING_YEAR - 1) + "&format=xlsx"));
        assertNoCodes(crawl(entry, seeds, false));
    }

    @Test
    void the_admin_sees_no_code() {
        CookieFilter admin = login("demo.admin", "demo-admin-2026");
        List<String> seeds = new ArrayList<>(List.of("/", "/admin", "/admin/beslutninger", "/admin/prisindeks", "/admin/rammer",
                "/admin/brugere", "/admin/beregningsfejl", "/indberetning", "/indberetning/upload", "/rapporter",
                "/api/imports/actuals/template?year=" + (MEETING_YEAR - 1) + "&format=csv",
                "/api/imports/actuals/template?year=" + (MEETING_YEAR - 1) + "&format=xlsx"));
        seeds.addAll(exports(admin));
        assertNoCodes(crawl(admin, seeds, true));
    }

    @Test
    void the_login_page_shows_no_code() {
        Response r = given().get("/login");
        assertThat(found(visibleText(Jsoup.parse(r.asString())))).isEmpty();
    }

    /** Every report in every format for the demo's meeting year (and the frames and the loan book of the year before). */
    static List<String> exports(CookieFilter user) {
        List<String> reports = new ArrayList<>();
        for (String committee : given().filter(user).get("/api/committees").jsonPath().getList("code", String.class)) {
            reports.add("/api/reports/majbidrag/" + MEETING_YEAR + "?committee=" + committee);
        }
        reports.add("/api/reports/finance-committee/" + MEETING_YEAR + "?");
        reports.add("/api/reports/it-kreds/" + MEETING_YEAR + "?");
        reports.add("/api/reports/innovation/" + MEETING_YEAR + "?digital=true");
        reports.add("/api/reports/innovation/" + MEETING_YEAR + "?digital=false");
        reports.add("/api/reports/innovation-frames/" + (MEETING_YEAR - 1) + "?");
        reports.add("/api/reports/loans/" + (MEETING_YEAR - 1) + "?");
        List<String> urls = new ArrayList<>();
        for (String report : reports) {
            for (String format : List.of("csv", "xlsx", "html")) {
                urls.add(report + (report.endsWith("?") ? "" : "&") + "format=" + format);
            }
        }
        return urls;
    }

    /** A code or an ISO moment found in a text. */
    static List<String> found(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        Matcher iso = ISO_MOMENT.matcher(text);
        while (iso.find()) {
            found.add(iso.group());
        }
        return found;
    }

    /** What was read and what was found on it. */
    record Read(String url, List<String> codes, String context) {
    }

    /**
     * Reads the seeds and every page they lead to: each link to a page a person reads, and each option of each select
     * of a GET form (the others as shown; not again on a page so chosen); with {@code everyYear} also the year choices
     * of each proposal's page.
     */
    static List<Read> crawl(CookieFilter user, List<String> seeds, boolean everyYear) {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(seeds);
        Set<String> chosen = new java.util.HashSet<>(); // pages reached by a form's choice: their own forms are not varied again
        List<Read> read = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 3000) {
            String url = queue.poll();
            Response r = given().filter(user).urlEncodingEnabled(false).redirects().follow(false).get(url);
            if (r.statusCode() >= 300 && r.statusCode() < 400) {
                continue;
            }
            assertThat(r.statusCode()).as(url).isIn(200, 403, 404, 422);
            String type = r.contentType() == null ? "" : r.contentType();
            String text;
            if (type.startsWith("text/html")) {
                Document page = Jsoup.parse(r.asString());
                text = visibleText(page);
                List<String> links = links(page);
                List<String> choices = chosen.contains(url) ? List.of() : choices(page, url, everyYear);
                for (String next : readable(links)) {
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
                for (String next : readable(choices)) {
                    if (seen.add(next)) {
                        queue.add(next);
                        chosen.add(next);
                    }
                }
            } else if (type.startsWith("text/csv")) {
                text = r.asString();
            } else if (type.contains("spreadsheetml")) {
                text = cells(r.asByteArray());
            } else {
                continue;
            }
            List<String> codes = found(text);
            read.add(new Read(url, codes, codes.isEmpty() ? "" : around(text, codes.get(0))));
        }
        assertThat(read.size()).as("pages and files read").isGreaterThan(seeds.size());
        return read;
    }

    static void assertNoCodes(List<Read> read) {
        List<String> failures = read.stream().filter(r -> !r.codes().isEmpty())
                .map(r -> r.url() + ": " + new TreeSet<>(r.codes()) + " in «" + r.context() + "»").toList();
        assertThat(failures).as("codes on screen or in files (of %d read)", read.size()).isEmpty();
    }

    /** What a person reads of a page: its title and the text of its body, without scripts and styles. */
    static String visibleText(Document page) {
        page.select("script, style, template").remove();
        return page.title() + "\n" + (page.body() == null ? "" : page.body().text());
    }

    /** The sheet names and every cell's text of an XLSX, as Excel shows them. */
    static String cells(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append(" | ");
                    }
                    text.append('\n');
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("Not an XLSX", e);
        }
        return text.toString();
    }

    private static String around(String text, String code) {
        int at = Math.max(0, text.indexOf(code));
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + code.length() + 60)).replace('\n', ' ');
    }

    /** The links of a page (without their fragments). */
    static List<String> links(Document page) {
        List<String> links = new ArrayList<>();
        for (Element a : page.select("a[href]")) {
            String href = a.attr("href");
            int hash = href.indexOf('#');
            links.add(hash >= 0 ? href.substring(0, hash) : href);
        }
        return links;
    }

    /** Each option of each select of the page's GET forms, the other fields as shown (a proposal's years only if asked). */
    static List<String> choices(Document page, String from, boolean everyYear) {
        List<String> next = new ArrayList<>();
        for (Element form : page.select("form")) {
            if (form.attr("method").equalsIgnoreCase("post") || (!everyYear && form.attr("action").startsWith("/forslag/"))) {
                continue;
            }
            String action = form.attr("action").isEmpty() ? from.replaceAll("\\?.*", "") : form.attr("action");
            for (Element select : form.select("select[name]")) {
                for (Element option : select.select("option")) {
                    List<String> params = new ArrayList<>();
                    for (Element field : form.select("select[name], input[name]")) {
                        String value = field == select ? option.val() : field.tagName().equals("select")
                                ? selected(field) : field.val();
                        if (!field.attr("type").equals("checkbox") || field.hasAttr("checked")) {
                            params.add(encode(field.attr("name")) + "=" + encode(value));
                        }
                    }
                    next.add(action + "?" + String.join("&", params));
                }
            }
        }
        return next;
    }

    /** The addresses of pages and files a person reads. */
    static List<String> readable(List<String> urls) {
        return urls.stream().filter(u -> u.startsWith("/") && !u.startsWith("//"))
                .filter(u -> READ.stream().anyMatch(p -> p.equals("/") ? u.equals("/") || u.startsWith("/?") : u.startsWith(p)))
                .filter(u -> !u.startsWith("/api/reports/") || u.contains("format="))
                .collect(Collectors.toList());
    }

    private static String selected(Element select) {
        Element chosen = select.selectFirst("option[selected]");
        chosen = chosen == null ? select.selectFirst("option") : chosen;
        return chosen == null ? "" : chosen.val();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
