/**
 * Gathered writes on a real container: a burst to a client that stopped reading goes in fewer writes than messages
 * (Tyrus's gathered frames on Payara, Undertow's batches on WildFly), and every frame arrives whole and in order.
 */
package io.switchboard.tck.gather;
