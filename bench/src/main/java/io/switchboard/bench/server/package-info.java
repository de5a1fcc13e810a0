/**
 * The server side of the benchmark: the endpoints deployed to every server under test (Tyrus standalone and the
 * bench WAR on Payara Micro). Only the Jakarta WebSocket, CDI and Switchboard APIs are used here, so the package
 * goes into the WAR's {@code WEB-INF/classes} as it is.
 */
package io.switchboard.bench.server;
