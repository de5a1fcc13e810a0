package io.switchboard.tck.conformance;

/** A message type with its own decoder and encoder. */
public record Point(int x, int y) {}
