package io.switchboard.impl.extension.badroom;

import io.switchboard.Room;
import jakarta.websocket.server.ServerEndpoint;

/** Names a room parameter its path does not have. */
@ServerEndpoint("/misnamed/{channel}")
@Room("room")
public class MisnamedRoomEndpoint {}
