package org.onewindow.online;

/**
 * Sends a short text message to a phone (the one-time sign-in code). The default implementation
 * ({@link OutboxMessageGateway}) only writes it to the {@code message_outbox} table, which
 * operators read; a real SMS provider plugs in as another CDI bean implementing this interface
 * (docs/operator.md). Implementations must not log the text: it is a secret.
 */
public interface MessageGateway {

    /** Sends {@code text} to {@code phone}; {@code purpose} says why (e.g. {@code sign-in}). */
    void send(String phone, String purpose, String text);
}
