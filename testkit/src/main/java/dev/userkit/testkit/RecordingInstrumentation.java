package dev.userkit.testkit;

import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.hooks.ResetChannel;
import dev.userkit.spi.MessageKind;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Instrumentation} that keeps every report (W6), for service tests: what was reported,
 * its tag (an enum constant's name or a boolean) and, for the timed reports, the duration.
 * Thread-safe.
 */
public final class RecordingInstrumentation implements Instrumentation {
    /** Marks a report that carries no duration. */
    public static final long UNTIMED = -1;

    /**
     * One report.
     *
     * @param event the method's name, e.g. {@code loginFinished}
     * @param tag the argument's text (an enum constant's name or {@code true}/{@code false}), or null for none
     * @param nanos the duration in nanoseconds, or {@link #UNTIMED}
     */
    public record Report(String event, String tag, long nanos) {}

    private final List<Report> reports = new ArrayList<>();

    private synchronized void add(String event, Object tag, long nanos) {
        reports.add(new Report(event, tag == null ? null : tag.toString(), nanos));
    }

    /**
     * Every report so far, oldest first.
     *
     * @return a copy of the reports
     */
    public synchronized List<Report> reports() {
        return List.copyOf(reports);
    }

    /**
     * The reports of one method, oldest first.
     *
     * @param event the method's name, e.g. {@code loginFinished}
     * @return those reports
     */
    public synchronized List<Report> of(String event) {
        return reports.stream().filter(r -> r.event().equals(event)).toList();
    }

    /**
     * The tags of one method's reports, oldest first.
     *
     * @param event the method's name
     * @return their tags
     */
    public List<String> tags(String event) {
        return of(event).stream().map(Report::tag).toList();
    }

    /** Forgets every report so far: what a test reads next is only what follows. */
    public synchronized void clear() {
        reports.clear();
    }

    @Override
    public void registered() {
        add("registered", null, UNTIMED);
    }

    @Override
    public void loginFinished(LoginOutcome outcome, long nanos) {
        add("loginFinished", outcome, nanos);
    }

    @Override
    public void lockedOut() {
        add("lockedOut", null, UNTIMED);
    }

    @Override
    public void resetRequested(ResetChannel channel) {
        add("resetRequested", channel, UNTIMED);
    }

    @Override
    public void resetCompleted(ResetChannel channel) {
        add("resetCompleted", channel, UNTIMED);
    }

    @Override
    public void messageQueued(MessageKind kind) {
        add("messageQueued", kind, UNTIMED);
    }

    @Override
    public void messageDelivered(MessageKind kind) {
        add("messageDelivered", kind, UNTIMED);
    }

    @Override
    public void messageDead(MessageKind kind) {
        add("messageDead", kind, UNTIMED);
    }

    @Override
    public void validated(boolean valid, long nanos) {
        add("validated", valid, nanos);
    }

    @Override
    public void authorized(boolean allowed, long nanos) {
        add("authorized", allowed, nanos);
    }
}
