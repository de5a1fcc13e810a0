package io.switchboard.tck.security;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Open, but only to pages of the origins {@link SecurityConfig} allows. */
@ServerEndpoint("/secure/origin")
public class OriginCheckedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "origin:" + text;
    }
}
