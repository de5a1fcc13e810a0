package io.switchboard.tck.it;

/** {@link HandshakeFilterOrderIT} once more: on Payara Micro, one more boot; on WildFly, one more deployment. */
public class HandshakeFilterOrderSecondBootIT extends HandshakeFilterOrderIT {}
