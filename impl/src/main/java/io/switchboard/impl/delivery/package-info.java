/**
 * Bounded delivery: every message Switchboard sends goes into the session's {@link
 * io.switchboard.impl.delivery.Outbox}, is written with one asynchronous send at a time, and is accounted for in
 * the {@link io.switchboard.impl.delivery.Delivery} of the broadcast it belongs to. {@link
 * io.switchboard.impl.delivery.Fanout} puts one message into many outboxes.
 */
package io.switchboard.impl.delivery;
