package dk.kk.gevinstspor.common.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The pages' texts, in Danish. Templates read them as {@code {msg:key}}; an English bundle can sit beside
 * this one ({@code messages/msg_en.properties}).
 */
@MessageBundle(value = "msg", locale = "da")
public interface Messages {

    @Message("Gevinstspor")
    String app_name();

    @Message("Københavns Kommune")
    String municipality();

    @Message("Opfølgning på investerings- og innovationsforslag")
    String app_tagline();

    @Message("Gevinstspor følger de investerings- og innovationsforslag, som Borgerrepræsentationen vedtager ved overførselssagen og budgettet: den årlige plan, opfølgningsmålene og lånenes tilbagebetaling.")
    String start_intro();

    @Message("Forvaltningerne indberetter hvert år de faktiske tal. Gevinstspor beregner gevinstrealisering, status, tilbagebetalingstid og om et forslag er fuldt implementeret, og danner majbidragene og rapporterne til Økonomiudvalget, Økonomikredsen og IT-kredsen.")
    String start_what();

    @Message("For systemer og scripts")
    String start_api_heading();

    @Message("API-dokumentation (Swagger UI)")
    String start_api_docs();

    @Message("OpenAPI-beskrivelse")
    String start_openapi();

    @Message("Forvaltninger og udvalg (JSON)")
    String start_reference_data();

    @Message("Log ind")
    String login_title();

    @Message("Log ind med Københavns Kommunes fælles login")
    String login_provider();

    @Message("Gevinstspor-bruger")
    String login_local_heading();

    @Message("Kun for Gevinstspors egne brugere (f.eks. administratoren, der oprettes ved første start).")
    String login_local_hint();

    @Message("Brugernavn")
    String login_username();

    @Message("Adgangskode")
    String login_password();

    @Message("Brugernavn eller adgangskode er forkert. Efter flere forkerte forsøg skal du vente lidt, før du prøver igen.")
    String login_failed();

    @Message("Logget ind som {username}")
    String signed_in_as(String username);

    @Message("Log ud")
    String logout();
}
