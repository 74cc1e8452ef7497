package dev.userkit.bench.rounds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.bench.rounds.Results.Compared;
import dev.userkit.bench.rounds.Results.StoreRun;
import dev.userkit.mail.smtp.CloseableMailer;
import dev.userkit.mail.smtp.SmtpMailModule;
import dev.userkit.mail.smtp.SmtpSecurity;
import dev.userkit.mail.smtp.SmtpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SEC-10's timing half: a password-reset request for a known address against one for an unknown
 * address, through the public API with the SMTP mailer and the outbox's background sender running,
 * first with a real SMTP server (GreenMail) up and then with it stopped. Interleaved rounds as in
 * {@link StoreBench} ({@link RoundRunner}); the ratio is the unknown address's throughput over the
 * known one's, per round, reported as median [min-max], and a note gives the same for the median
 * latencies. Reports like {@link StoreBench}, into
 * {@code bench/results/reset-<date>-<store>.md} and {@code .json}.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.rounds.ResetParity [memory|postgres|mariadb]};
 * system properties {@code rounds} (5), {@code warmup} (1), {@code round.millis} (2000), {@code users} (500),
 * {@code out} ({@code bench/results}). Exits 1 if a request failed, never because of a ratio.
 */
public final class ResetParity {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);
    private static final String FROM = "UserKit bench <no-reply@bench.example>";
    /** High enough that SEC-25's send limit never answers for the bench's repeated addresses. */
    private static final int SEND_LIMIT = 1_000_000;
    private static final String KNOWN = "known address";
    private static final String UNKNOWN = "unknown address";

    private ResetParity() {}

    /**
     * Runs both comparisons and writes the report.
     *
     * @param args the store (default {@code memory})
     * @throws Exception if the store or the SMTP server cannot start, or the report cannot be written
     */
    public static void main(String[] args) throws Exception {
        String store = args.length > 0 ? args[0] : "memory";
        int rounds = Integer.getInteger("rounds", 5);
        int warmup = Integer.getInteger("warmup", 1);
        long roundMillis = Long.getLong("round.millis", 2000);
        int users = Integer.getInteger("users", 500);
        Path out = Path.of(System.getProperty("out", "bench/results"));
        String settings = rounds + " rounds of " + roundMillis + " ms (+" + warmup + " warm-up), 1 thread, " + users
                + " known users, outbox sender started, SMTP mailer (connection reuse on)";
        RoundRunner runner = new RoundRunner(Duration.ofMillis(roundMillis), rounds, warmup);

        List<Double> loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        List<Compared> compared = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String server = store;
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (BenchTarget target = Targets.open(store);
             CloseableMailer mailer = SmtpMailModule.mailer(SmtpSettings.builder().host("127.0.0.1").port(smtp.getSmtp().getPort())
                     .security(SmtpSecurity.NONE).timeout(Duration.ofSeconds(2)).from(FROM).build())) {
            server = target.description() + "; GreenMail " + smtp.getSmtp().getServerSetup().getProtocol() + " on 127.0.0.1";
            String[] known = fill(target, users);
            UserKit kit = UserKit.builder().stores(target.stores()).mailer(mailer)
                    .config(config(PasswordHashing.PRODUCTION).build()).build();
            kit.outbox().start();
            try {
                compared.add(runner.run(comparison("reset-smtp-up", "reset request, unknown vs known address, SMTP server up", kit, known), 1));
                long delivered = smtp.getReceivedMessages().length;
                smtp.stop();
                notes.add("SMTP up: " + delivered + " reset mails delivered by the outbox's background sender while the rounds ran");
                compared.add(runner.run(comparison("reset-smtp-down", "reset request, unknown vs known address, SMTP server stopped", kit,
                        known), 1));
                notes.add("SMTP down: " + kit.outbox().pending(Integer.MAX_VALUE).size() + " messages pending afterwards");
            } finally {
                kit.outbox().stop();
            }
        } catch (Exception e) {
            errors.add(e.toString());
            e.printStackTrace();
        } finally {
            smtp.stop();
        }
        compared.forEach(c -> notes.add(medianLatencyRatio(c)));
        StoreRun run = new StoreRun(store, server, users, settings, Machine.current(), loadBefore, Machine.loadAverage(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1e3,
                compared, null, notes, errors);
        write(run, out);
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    /**
     * The unknown address's median latency over the known one's, per round: the figure SEC-08 reads
     * for logins. A stall (a collection, the sender's pass over a long queue) moves a round's
     * throughput far more than its median, so this is the steadier of the two ratios here.
     */
    private static String medianLatencyRatio(Compared c) {
        List<Double> perRound = c.rounds().stream()
                .map(r -> r.of(UNKNOWN).p50Micros() / r.of(KNOWN).p50Micros()).toList();
        Results.Ratio r = Results.Ratio.of(UNKNOWN, perRound);
        return String.format(Locale.ROOT, "%s: p50 latency unknown / known per round %s, median %s", c.key(),
                perRound.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(), MarkdownReport.ratio(r));
    }

    private static Comparison comparison(String key, String title, UserKit kit, String[] known) {
        AtomicLong unknown = new AtomicLong();
        String run = Long.toString(System.nanoTime(), 36);
        return new Comparison(key, title,
                new Column(KNOWN, () -> kit.recovery().requestPasswordReset(pick(known), ClientContext.NONE)),
                List.of(new Column(UNKNOWN, () -> kit.recovery().requestPasswordReset(
                        "nobody-" + run + "-" + unknown.incrementAndGet() + "@bench.example", ClientContext.NONE))),
                List.of(1));
    }

    /** Registers {@code users} active accounts with a cheap hash (the fill only), and returns their addresses. */
    private static String[] fill(BenchTarget target, int users) {
        UserKit cheap = UserKit.builder().stores(target.stores()).config(config(PasswordHashing.insecureForTestsOnly()).build()).build();
        String[] emails = new String[users];
        for (int i = 0; i < users; i++) {
            String name = "reset" + i;
            cheap.accounts().register(Workload.newUser(name), ClientContext.NONE);
            emails[i] = cheap.accounts().findByUsername(name).orElseThrow().email().value();
        }
        return emails;
    }

    private static UserKitConfig.Builder config(PasswordHashing hashing) {
        return Workload.config(hashing).activateOnSignup(true).sendLimit(SEND_LIMIT);
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static void write(StoreRun run, Path out) throws java.io.IOException {
        Files.createDirectories(out);
        String stamp = FILE_TIME.format(Instant.now());
        String md = MarkdownReport.of(run, "");
        Files.writeString(out.resolve("reset-" + stamp + "-" + run.store() + ".md"), md);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("reset-" + stamp + "-" + run.store() + ".json").toFile(), run);
        System.out.println(md);
    }
}
