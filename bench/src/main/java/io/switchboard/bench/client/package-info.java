/**
 * The load generator's WebSocket clients: many Netty channels on one small event loop group, subscribers that
 * count and time what arrives, a publisher, and a control connection to ask the server about itself.
 */
package io.switchboard.bench.client;
