package dev.userkit.pages;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Mailer} that delivers to memory: it keeps the last {@code capacity} messages (older ones
 * are dropped) for the inbox page, like a mail catcher, so a person can follow a verification link
 * on a machine without a mail server. Messages carry live codes: the inbox page answers loopback
 * peers only. Thread-safe.
 */
public final class InboxMailer implements Mailer {
    private final int capacity;
    private final Clock clock;
    private final Deque<Delivered> messages = new ArrayDeque<>();
    private long delivered;

    /**
     * One message as the inbox keeps it.
     *
     * @param number its place in delivery order, from 1; what the inbox page links to
     * @param at when it arrived
     * @param message the message
     */
    public record Delivered(long number, Instant at, MailMessage message) {
        /**
         * Checks required fields.
         *
         * @param number see {@link #number()}
         * @param at see {@link #at()}
         * @param message see {@link #message()}
         */
        public Delivered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An empty inbox.
     *
     * @param capacity how many messages it keeps, 1 to 10,000
     * @param clock the time messages are stamped with
     */
    public InboxMailer(int capacity, Clock clock) {
        if (capacity < 1 || capacity > 10_000) throw new IllegalArgumentException("capacity must be 1 to 10000: " + capacity);
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * An inbox of 200 messages on the system clock.
     *
     * @return the inbox
     */
    public static InboxMailer create() {
        return new InboxMailer(200, Clock.systemUTC());
    }

    @Override
    public synchronized void send(MailMessage message) {
        // a redelivery after a failure (at least once) must not show the same message twice
        if (messages.stream().anyMatch(d -> d.message().id().equals(message.id()))) return;
        messages.addFirst(new Delivered(++delivered, clock.instant(), message));
        if (messages.size() > capacity) messages.removeLast();
    }

    /**
     * The kept messages, newest first.
     *
     * @return a copy
     */
    public synchronized List<Delivered> messages() {
        return new ArrayList<>(messages);
    }

    /**
     * One kept message.
     *
     * @param number its {@link Delivered#number()}
     * @return the message, or empty when it was never delivered or has been dropped
     */
    public synchronized Optional<Delivered> find(long number) {
        return messages.stream().filter(d -> d.number() == number).findFirst();
    }
}
