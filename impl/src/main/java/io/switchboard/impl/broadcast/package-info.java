/** The {@link io.switchboard.Broadcaster} bean: sessions chosen by endpoint, metadata or principal. */
package io.switchboard.impl.broadcast;
