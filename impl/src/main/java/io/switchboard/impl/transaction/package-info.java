/**
 * Sends that follow the transaction: {@link io.switchboard.impl.transaction.AfterCommit} makes the
 * {@code afterCommit()} views of {@link io.switchboard.RoomService} and {@link io.switchboard.Broadcaster}, whose sends
 * made inside a JTA transaction wait in the transaction's {@link io.switchboard.impl.transaction.PendingSends} (one
 * interposed synchronization per transaction, so they go in call order) until it commits, and are dropped if it rolls
 * back.
 */
package io.switchboard.impl.transaction;
