package io.switchboard.impl.room;

import io.switchboard.RoomScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import java.lang.annotation.Annotation;

/**
 * The CDI context of {@link RoomScoped}: active on a thread while it runs code for a room (a callback of a member
 * session, or {@link io.switchboard.RoomService#inRoom}), where it resolves beans to that room's instances.
 */
public final class RoomContext implements AlterableContext {

    private static final ThreadLocal<Room> CURRENT = new ThreadLocal<>();

    /**
     * Makes a room the current one on this thread.
     *
     * @param room the room, or {@code null} for none
     * @return the room current before, to hand to {@link #exit}
     */
    static Room enter(Room room) {
        Room previous = CURRENT.get();
        if (room != previous) {
            CURRENT.set(room);
        }
        return previous;
    }

    /**
     * Restores the room current before {@link #enter}.
     *
     * @param previous what {@link #enter} returned
     */
    static void exit(Room previous) {
        if (CURRENT.get() == previous) {
            return;
        }
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return RoomScoped.class;
    }

    @Override
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return current().beans().get(contextual, creationalContext);
    }

    @Override
    public <T> T get(Contextual<T> contextual) {
        return current().beans().get(contextual, null);
    }

    @Override
    public boolean isActive() {
        return CURRENT.get() != null;
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        current().beans().destroy(contextual);
    }

    private static Room current() {
        Room room = CURRENT.get();
        if (room == null) {
            throw new ContextNotActiveException("Switchboard: @RoomScoped is active only in callbacks of a session "
                    + "in a room (its @Room room, or its only room) and inside RoomService.inRoom");
        }
        return room;
    }
}
