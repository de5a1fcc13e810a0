/**
 * Session lifecycle tracking: {@link io.switchboard.impl.session.SessionRegistry}, the bean behind
 * {@link io.switchboard.OpenSessions}, and its entries. The endpoint bridge reports opens and closes here;
 * this package fires the lifecycle events.
 */
package io.switchboard.impl.session;
