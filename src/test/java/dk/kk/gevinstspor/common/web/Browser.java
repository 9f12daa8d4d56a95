package dk.kk.gevinstspor.common.web;

import static dk.kk.gevinstspor.proposal.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.w3c.dom.NodeList;

import dk.kk.gevinstspor.proposal.Bodies;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;

/** The pages as a browser without JavaScript uses them: sign in with the form, read with jsoup, post forms as shown. */
public final class Browser {

    private Browser() {
    }

    /** Creates a user through the API unless it exists (tests share the database). */
    public static void user(String username, String password, String role, List<String> administrations) {
        int status = json().body(Bodies.map("username", username, "password", password, "roles", List.of(role),
                "administrations", administrations)).post("/api/users").statusCode();
        assertThat(status).as("creating " + username).isIn(201, 409);
    }

    public static CookieFilter login(String username, String password) {
        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .post(loginAction(cookies)).then().statusCode(302);
        return cookies;
    }

    /**
     * Opens the login page as a browser does (its CSRF cookie lands in {@code cookies}) and returns where its form
     * posts: {@code /j_security_check?csrf-token=…}.
     */
    public static String loginAction(CookieFilter cookies) {
        String action = Jsoup.parse(given().filter(cookies).get("/login").then().statusCode(200).extract().asString())
                .selectFirst("form.login").attr("action");
        assertThat(action).startsWith("/j_security_check?csrf-token=");
        return action;
    }

    public static Document page(CookieFilter cookies, String path, int status) {
        Response r = given().filter(cookies).redirects().follow(false).get(path);
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(status);
        return Jsoup.parse(r.asString());
    }

    /** Posts the page's form with its own fields (hidden ones, CSRF token, values shown), changed where given. */
    public static Response submit(CookieFilter cookies, Document page, String formSelector, Map<String, String> changes) {
        Element form = page.selectFirst(formSelector);
        assertThat(form).as("form " + formSelector).isNotNull();
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? input.select("option").first().val() : selected.val());
            } else if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.text() : input.val());
            }
        }
        fields.putAll(changes);
        fields.values().removeIf(v -> v == null);
        return given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields).post(form.attr("action"));
    }

    /** One bar of a chart: its category, series and exact figure. */
    public record Bar(String category, String series, BigDecimal value) {
    }

    /** An SVG read with a namespace-aware XML parser: it must be well-formed XML. */
    public static org.w3c.dom.Document xml(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** The bars of a chart ({@code <rect class="bar …">}), in document order. */
    public static List<Bar> bars(String svg) {
        NodeList rects = xml(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) rects.item(i);
            if (e.getAttribute("class").startsWith("bar ")) {
                bars.add(new Bar(e.getAttribute("data-category"), e.getAttribute("data-series"), new BigDecimal(e.getAttribute("data-value"))));
            }
        }
        return bars;
    }

    /** The SVG elements of a page exactly as sent (not as an HTML parser would rewrite them), for an XML parser. */
    public static List<String> svgs(String html) {
        List<String> found = new java.util.ArrayList<>();
        int from = 0;
        while ((from = html.indexOf("<svg", from)) >= 0) {
            int end = html.indexOf("</svg>", from) + "</svg>".length();
            found.add(html.substring(from, end));
            from = end;
        }
        return found;
    }
}
