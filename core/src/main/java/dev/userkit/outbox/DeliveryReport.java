package dev.userkit.outbox;

/**
 * What one delivery pass did ({@link Outbox#deliverPending()}).
 *
 * @param delivered messages handed to their mailer or SMS sender and marked delivered
 * @param failed messages whose attempt failed and that wait for a retry
 * @param dead messages that failed for the last time, or could not be decrypted
 */
public record DeliveryReport(int delivered, int failed, int dead) {}
