import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator of bench/run: GET one URL from N connections for a number of seconds, either as fast as
 * the service answers (rate 0: each connection sends its next request when the last one is answered) or at a
 * fixed rate (requests per second, spread over the connections). At a fixed rate a request's latency counts
 * from the moment it was due, so a stall of the service shows in the percentiles (no coordinated omission).
 *
 * <pre>java bench/LoadGenerator.java URL USER:PASSWORD CONNECTIONS SECONDS [RATE]</pre>
 *
 * Prints one line: {@code requests=… errors=… throughput=…/s p50=… ms p99=… ms max=… ms}; errors are answers
 * other than 2xx and failed connections.
 */
public class LoadGenerator {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java bench/LoadGenerator.java URL USER:PASSWORD CONNECTIONS SECONDS [RATE]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int connections = Integer.parseInt(args[2]);
        long durationNanos = Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long periodNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        long start = System.nanoTime();
        long end = start + durationNanos;

        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            results.add(pool.submit(() -> run(http, request, next, errors, start, end, periodNanos)));
        }
        LongStream.Builder latencies = LongStream.builder();
        for (Future<long[]> result : results) {
            Arrays.stream(result.get()).forEach(latencies);
        }
        pool.shutdown();
        double seconds = Math.max(System.nanoTime() - start, durationNanos) / 1e9;
        long[] all = latencies.build().sorted().toArray();
        System.out.printf(Locale.ROOT, "requests=%d errors=%d throughput=%.1f/s p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
                all.length, errors.get(), all.length / seconds, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    /** One connection's loop; returns the latencies (ns) of its answered requests. */
    private static long[] run(HttpClient http, HttpRequest request, AtomicLong next, AtomicLong errors, long start, long end,
            long periodNanos) {
        long[] latencies = new long[1024];
        int n = 0;
        while (true) {
            long due;
            if (periodNanos > 0) {
                due = start + next.getAndIncrement() * periodNanos;
                if (due >= end) {
                    break;
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            } else {
                due = System.nanoTime();
                if (due >= end) {
                    break;
                }
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                    continue;
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                continue;
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = System.nanoTime() - due;
        }
        return Arrays.copyOf(latencies, n);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
