/**
 * Small CDI helpers that every feature may use and that use no feature: {@link io.switchboard.impl.cdi.LazyBean}
 * for objects the container creates outside CDI. It sits at the bottom of the package graph so that the bridge,
 * the handshake filter and the extension can all depend on it without depending on one another.
 */
package io.switchboard.impl.cdi;
