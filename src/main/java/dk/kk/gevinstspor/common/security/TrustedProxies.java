package dk.kk.gevinstspor.common.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;
import io.quarkus.runtime.StartupEvent;

/**
 * The proxies whose {@code X-Forwarded-*} headers count ({@code quarkus.http.proxy.trusted-proxies},
 * {@code GEVINSTSPOR_TRUSTED_PROXIES}): the one place that reads them. Quarkus uses them for the scheme
 * ({@code X-Forwarded-Proto}); {@link ClientAddress} for the client's address, walking {@code X-Forwarded-For} from the
 * right past these proxies.
 * <p>
 * Refuses at start-up an entry that Quarkus would take for a host name. Quarkus looks a host name up on every forwarded
 * request; it reads {@code host[:port]} by the last colon, so a bare IPv6 address such as {@code ::1} becomes the "host"
 * {@code :} with port 1, a name that never resolves: on a keep-alive connection about every 55th request then waited 5 s
 * for the lookup (issue 23). Accepted: an IPv4 address, an IPv4 or IPv6 CIDR range ({@code ::1/128}), an IPv6 address in
 * brackets ({@code [::1]}).
 */
@ApplicationScoped
public class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern CIDR = Pattern.compile("(.+)/(\\d{1,3})");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.+)]");

    /** An address range: the address's bytes (4 or 16) and how many leading bits must match. */
    record Range(byte[] address, int bits) {

        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (other[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    public TrustedProxies(@ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> proxies) {
        proxies.ifPresent(TrustedProxies::check);
        this.ranges = ranges(proxies.orElse(List.of()));
    }

    void onStart(@Observes StartupEvent event) {
        // constructed (and the entries checked) at start, not at the first forwarded request
    }

    /** Whether a request coming from this address (an IP literal; anything else is not trusted) is a trusted proxy's. */
    public boolean trusts(String address) {
        return trusts(ranges, address);
    }

    static boolean trusts(List<Range> ranges, String address) {
        byte[] bytes = bytesOf(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    static List<Range> ranges(List<String> entries) {
        return entries.stream().map(String::trim).filter(e -> !e.isEmpty()).map(TrustedProxies::range).toList();
    }

    private static Range range(String entry) {
        var cidr = CIDR.matcher(entry);
        String address = cidr.matches() ? cidr.group(1) : entry;
        byte[] bytes = bytesOf(address);
        if (bytes == null) {
            throw new IllegalStateException("GEVINSTSPOR_TRUSTED_PROXIES: not an address: " + entry);
        }
        int bits = cidr.matches() ? Integer.parseInt(cidr.group(2)) : bytes.length * 8;
        if (bits > bytes.length * 8) {
            throw new IllegalStateException("GEVINSTSPOR_TRUSTED_PROXIES: prefix longer than the address: " + entry);
        }
        return new Range(bytes, bits);
    }

    /**
     * The bytes of an IP literal (4 for IPv4, also for an IPv4-mapped IPv6 address; 16 for IPv6; brackets allowed), or
     * null for anything else. Never looks a name up.
     */
    static byte[] bytesOf(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.trim();
        var bracketed = BRACKETED.matcher(literal);
        if (bracketed.matches()) {
            literal = bracketed.group(1);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
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
