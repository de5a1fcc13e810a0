package io.switchboard.tck.ratelimit;

/** A decoded message type. */
public record Order(String item) {}
