/**
 * The Tyrus fast path (Payara, GlassFish, Tyrus standalone): a broadcast message is framed once, in its {@link
 * io.switchboard.impl.delivery.Payload}, and the same frame bytes are written to every session through Tyrus's
 * raw frame write, instead of Tyrus framing the message again for each session. Everything here is reached by
 * reflection from the session's own class, so the impl jar compiles and loads without Tyrus and works whichever
 * class loader can see Tyrus's classes. {@link io.switchboard.impl.delivery.FastPaths} chooses it; the portable
 * async sends remain the default wherever it does not apply.
 */
package io.switchboard.impl.delivery.tyrus;
