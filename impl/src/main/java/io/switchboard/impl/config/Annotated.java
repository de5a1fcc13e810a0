package io.switchboard.impl.config;

/**
 * A value given by an annotation on the endpoint, and where it comes from, for error messages.
 *
 * @param where such as {@code @SendQueue(capacity)}
 * @param value the annotation's value as text
 */
public record Annotated(String where, String value) {}
