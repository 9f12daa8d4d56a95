package dk.kk.gevinstspor.common.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dk.kk.gevinstspor.common.error.ValidationErrors;

/**
 * The rules for user names and passwords, in one place (docs/security.md: user lifecycle). The API, the admin
 * page, the password change page and the first admin all go through these.
 *
 * <ul>
 * <li>A user name has 2–50 characters: small letters a–z, digits, {@code .}, {@code _} and {@code -}, and begins
 * with a letter. {@link #RESERVED} names are refused: the audit history writes them for work nobody signed in
 * for, so a user of that name would be mistaken for the service.</li>
 * <li>A password has {@value #MIN_PASSWORD}–{@value #MAX_PASSWORD} characters and at most {@value #MAX_PASSWORD_BYTES}
 * bytes in UTF-8 (bcrypt reads no further: a longer password would be cut without a word; æ, ø and å take two
 * bytes each), is not on the list of common passwords ({@code security/common-passwords.txt}, whole or by its
 * stem: without the trailing digits and punctuation, {@code Sommer2025!} is {@code sommer}), and is not the user
 * name.</li>
 * </ul>
 */
public final class AccountRules {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 64;
    /** bcrypt's limit: it ignores every byte after the 72nd. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /**
     * Names the service itself writes into the history ({@code system}: work outside a request or anonymous,
     * {@code demo}: the demo data) and names that look like them or like nobody.
     */
    public static final Set<String> RESERVED = Set.of("system", "demo", "anonymous", "anonym", "unknown", "ukendt",
            "root", "postgres", "gevinstspor", "gevinstspor_reporting");

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,49}");
    private static final Pattern TRAILING = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\s]+$");
    private static final Set<String> COMMON = load("/security/common-passwords.txt");

    private AccountRules() {
    }

    public static ValidationErrors checkUsername(String username, ValidationErrors errors) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add("username", "INVALID_USERNAME", "Brugernavnet skal have 2 til 50 tegn: små bogstaver (a-z), tal, punktum,"
                    + " bindestreg og understregning, og begynde med et bogstav.");
        } else if (RESERVED.contains(username)) {
            errors.add("username", "RESERVED_USERNAME", "Brugernavnet " + username + " er forbeholdt Gevinstspor selv. Vælg et andet.");
        }
        return errors;
    }

    /** Checks a new password of the user; {@code field} names the field in the errors. */
    public static ValidationErrors checkPassword(String field, String username, String password, ValidationErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "PASSWORD_MISSING", "Skriv en adgangskode.");
            return errors;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD) {
            errors.add(field, "PASSWORD_TOO_SHORT", "Adgangskoden skal have mindst " + MIN_PASSWORD + " tegn.");
        } else if (length > MAX_PASSWORD || !fitsBcrypt(password)) {
            errors.add(field, "PASSWORD_TOO_LONG", "Adgangskoden må have højst " + MAX_PASSWORD + " tegn (og højst "
                    + MAX_PASSWORD_BYTES + " bytes: æ, ø og å tæller for 2).");
        } else if (isCommon(password) || stem(password).equals(username == null ? null : username.toLowerCase(Locale.ROOT))) {
            errors.add(field, "PASSWORD_TOO_COMMON", "Adgangskoden er for almindelig eller for let at gætte. Vælg en anden,"
                    + " fx nogle ord, der ikke hører sammen.");
        }
        return errors;
    }

    /** True when bcrypt reads the whole password (at most 72 bytes in UTF-8). */
    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = stem(password);
        return stem.isEmpty() || COMMON.contains(lower) || COMMON.contains(stem) || lower.codePoints().distinct().count() <= 2;
    }

    /** The password in small letters without trailing digits, punctuation, symbols and spaces. */
    static String stem(String password) {
        return TRAILING.matcher(password.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static Set<String> load(String resource) {
        try (InputStream in = AccountRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
