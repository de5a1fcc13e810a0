package io.switchboard.samples.ticker;

import jakarta.websocket.server.ServerEndpoint;

/**
 * The ticker's WebSocket endpoint, and all of it: a path. No Switchboard annotation, no callbacks; clients only
 * listen. Switchboard still tracks every session it opens (listed by {@code OpenSessions}, measured as
 * {@code endpoint="PricesEndpoint"}), which is what lets {@link PriceTicker} reach them all through
 * {@code Broadcaster}, each through its own bounded send queue.
 */
@ServerEndpoint("/ws/prices")
public class PricesEndpoint {}
