/** The Tyrus standalone server under test, run in its own JVM by the load generator. */
package io.switchboard.bench.tyrus;
