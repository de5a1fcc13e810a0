package io.switchboard.tck.rooms;

/** A message type that only an encoder of the endpoint can send. */
public record Vote(String choice) {}
