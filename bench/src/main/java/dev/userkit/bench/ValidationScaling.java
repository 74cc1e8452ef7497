package dev.userkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.UserKit;
import dev.userkit.sessions.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether validation slows down as sessions pile up (issue 9 goal 7): two user spaces on one embedded
 * server, a small and a large one ({@link BulkSessions}, half of each expired, filled by the server
 * itself), validated in interleaved rounds by a {@link ValidationProbe} at a fixed rate; each round
 * gives the large space's p99 over the small one's, and the report their median and range.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.ValidationScaling [postgres] [10000,5000000]};
 * system properties {@code probe.threads} (1), {@code probe.rate} (validations per second per thread, 1000),
 * {@code rounds} (5) and {@code round.seconds} (5); one unmeasured round warms both spaces first.
 */
public final class ValidationScaling {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private ValidationScaling() {}

    /**
     * Fills both spaces, runs the rounds and writes the report.
     *
     * @param args the store (default {@code postgres}) and the two sizes, in stored sessions (default 10,000 and 5,000,000)
     * @throws Exception if the server fails or a validation does
     */
    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "postgres";
        long[] sizes = Arrays.stream((args.length > 1 ? args[1] : "10000,5000000").split(",")).mapToLong(Long::parseLong).toArray();
        int threads = Integer.getInteger("probe.threads", 1);
        int rate = Integer.getInteger("probe.rate", 1000);
        int rounds = Integer.getInteger("rounds", 5);
        long roundMillis = Long.getLong("round.seconds", 5) * 1000;
        ScaleReport report = new ScaleReport("scale", "ValidationScaling " + store + " " + Arrays.toString(sizes)
                + " probe " + threads + " thread(s) x " + rate + "/s, " + rounds + " rounds of " + roundMillis / 1000 + " s");
        try (SqlBenchServer server = store.equals("mariadb") ? new MariaDbBenchServer() : new PostgresBenchServer();
             HikariDataSource small = server.newSpace("scale_small", 4);
             HikariDataSource large = server.newSpace("scale_large", 4)) {
            Sessions[] services = new Sessions[2];
            HikariDataSource[] spaces = {small, large};
            for (int s = 0; s < 2; s++) {
                long start = System.nanoTime();
                var stores = server.stores(spaces[s]);
                BulkSessions.fill(spaces[s], server, stores.users(), NOW, sizes[s] / 2);
                services[s] = UserKit.builder().stores(stores).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().sessions();
                report.note(String.format("filled %,d sessions in %.1f s", sizes[s], (System.nanoTime() - start) / 1e9));
            }
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                ValidationProbe.Latencies[] got = new ValidationProbe.Latencies[2];
                // alternate which space goes first, so neither always follows the other's cache traffic
                for (int k = 0; k < 2; k++) {
                    int s = (round + k) % 2;
                    got[s] = probe(services[s], sizes[s] / 2, threads, rate, roundMillis);
                }
                if (round == 0) continue;
                double ratio = got[1].p99Millis() / got[0].p99Millis();
                ratios.add(ratio);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("store", server.name());
                row.put("round", round);
                row.put("validations", got[0].count() + " / " + got[1].count());
                for (int s = 0; s < 2; s++) {
                    row.put("p50 ms " + sizes[s], round(got[s].p50Millis()));
                    row.put("p99 ms " + sizes[s], round(got[s].p99Millis()));
                }
                row.put("p99 ratio", round(ratio));
                report.row(row);
            }
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            report.note(String.format("p99 with %,d sessions / with %,d: median %.2f [%.2f-%.2f] over %d rounds", sizes[1], sizes[0],
                    sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length));
        }
        System.out.println("written " + report.write());
    }

    private static ValidationProbe.Latencies probe(Sessions sessions, long expired, int threads, int rate, long millis)
            throws InterruptedException {
        ValidationProbe probe = new ValidationProbe(sessions, expired, threads, rate);
        long start;
        long end;
        try (probe) {
            start = System.nanoTime();
            Thread.sleep(millis);
            end = System.nanoTime();
        }
        return probe.between(start, end);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
