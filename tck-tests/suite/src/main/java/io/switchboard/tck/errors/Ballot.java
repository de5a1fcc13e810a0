package io.switchboard.tck.errors;

/** A message only {@link BallotEncoder} can send. */
public record Ballot(String choice) {}
