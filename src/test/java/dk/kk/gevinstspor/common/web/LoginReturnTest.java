package dk.kk.gevinstspor.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginReturnTest {

    @Test
    void only_paths_of_this_site_are_followed() {
        assertThat(LoginReturn.safe("/indberetning")).contains("/indberetning");
        assertThat(LoginReturn.safe("/indberetning?aar=2028&udvalg=BUU")).contains("/indberetning?aar=2028&udvalg=BUU");
        assertThat(LoginReturn.safe("/forslag/%C3%98KF-2026-01")).contains("/forslag/%C3%98KF-2026-01");
        for (String refused : new String[] { null, "", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
                "http://evil.example", "https:evil.example", "javascript:alert(1)", "evil.example/x", " /x", "/x y", "/x\ty",
                "/x\r\nSet-Cookie: a=b", "/x\u0000", "/a\\b", "/login", "/login?til=/x", "/logout", "/j_security_check",
                "/" + "a".repeat(LoginReturn.MAX_LENGTH) }) {
            assertThat(LoginReturn.safe(refused)).as(String.valueOf(refused)).isEmpty();
            assertThat(LoginReturn.after(refused)).isEqualTo("/");
        }
    }

    @Test
    void the_login_path_carries_the_page_encoded_and_leaves_out_the_start_page() {
        assertThat(LoginReturn.loginPath("/indberetning?aar=2028")).isEqualTo("/login?til=%2Findberetning%3Faar%3D2028");
        assertThat(LoginReturn.loginPath("/")).isEqualTo("/login");
        assertThat(LoginReturn.loginPath("//evil.example")).isEqualTo("/login");
        assertThat(LoginPage.failed("/rapporter")).isEqualTo("/login?til=%2Frapporter&fejl=1");
        assertThat(LoginPage.failed(null)).isEqualTo("/login?fejl=1");
    }

    @Test
    void the_menu_section_of_a_path() {
        assertThat(CurrentUser.sectionOf("/")).isEqualTo("forside");
        assertThat(CurrentUser.sectionOf("/indberetning/upload")).isEqualTo("upload");
        assertThat(CurrentUser.sectionOf("/indberetning/BUF-1/2029")).isEqualTo("indberetning");
        assertThat(CurrentUser.sectionOf("/admin/prisindeks")).isEqualTo("admin");
        assertThat(CurrentUser.sectionOf("/administration")).isEmpty();
        assertThat(CurrentUser.sectionOf("/forslag")).isEqualTo("forslag");
    }
}
