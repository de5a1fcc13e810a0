package io.switchboard.impl.delivery.encoders;

/** A message only {@link RecordingEncoder} can send. @param count a number */
public record Tally(int count) {}
