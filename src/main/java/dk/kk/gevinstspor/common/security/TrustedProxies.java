package dk.kk.gevinstspor.common.security;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses at start-up a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, {@code GEVINSTSPOR_TRUSTED_PROXIES})
 * that Quarkus would take for a host name. Quarkus looks a host name up on every forwarded request; it reads
 * {@code host[:port]} by the last colon, so a bare IPv6 address such as {@code ::1} becomes the "host" {@code :} with
 * port 1, a name that never resolves: on a keep-alive connection about every 55th request then waited 5 s for the
 * lookup (issue 23). Accepted: an IPv4 address, an IPv4 or IPv6 CIDR range ({@code ::1/128}), an IPv6 address in
 * brackets ({@code [::1]}).
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern CIDR = Pattern.compile("(.+)/\\d{1,3}");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.+)]");

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") java.util.Optional<List<String>> proxies) {
        proxies.ifPresent(TrustedProxies::check);
    }

    /** Throws with a message naming every entry that is not an address or CIDR range. */
    static void check(List<String> entries) {
        List<String> refused = entries.stream().map(String::trim).filter(e -> !e.isEmpty() && !isAddress(e)).toList();
        if (!refused.isEmpty()) {
            throw new IllegalStateException("GEVINSTSPOR_TRUSTED_PROXIES (quarkus.http.proxy.trusted-proxies) takes IPv4"
                    + " addresses and CIDR ranges, IPv6 as a range (::1/128) or in brackets ([::1]), no host names; not: "
                    + String.join(", ", refused));
        }
    }

    static boolean isAddress(String entry) {
        var cidr = CIDR.matcher(entry);
        if (cidr.matches()) {
            String address = cidr.group(1);
            return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
        }
        var bracketed = BRACKETED.matcher(entry);
        if (bracketed.matches()) {
            return IPV6.matcher(bracketed.group(1)).matches();
        }
        return IPV4.matcher(entry).matches();
    }
}
