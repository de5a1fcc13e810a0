package io.switchboard;

import jakarta.websocket.Session;

import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Sending to sessions chosen otherwise than by room, through the same bounded send queues as
 * {@link RoomService}: the same message forms, the same ordering, the same delivery report. Inject it:
 *
 * <pre>{@code
 * @Inject Broadcaster broadcaster;
 *
 * void onPriceChange(@Observes Price price) {
 *     broadcaster.toEndpoint("PricesEndpoint", price);
 * }
 * }</pre>
 *
 * Switchboard provides the {@code @ApplicationScoped} bean.
 */
public interface Broadcaster {

    /**
     * Sends to every open session of one endpoint.
     *
     * @param endpointId the endpoint id (the endpoint class's simple name unless configured)
     * @param message    text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> toEndpoint(String endpointId, Object message);

    /**
     * Sends to every open session whose metadata matches.
     *
     * @param filter  which sessions receive it; called once per open session, on the calling thread
     * @param message text, binary or an object for each session's encoders
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> toMatching(Predicate<? super SessionInfo> filter, Object message);

    /**
     * Sends to every open session of one principal (a user with several tabs or devices).
     *
     * @param principalName the name, as {@link java.security.Principal#getName()}
     * @param message       text, binary or an object for each session's encoders
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> toPrincipal(String principalName, Object message);

    /**
     * Sends to one session through its send queue: the bounded, non-blocking alternative to
     * {@code session.getBasicRemote()}, ordered with everything else Switchboard sends it.
     *
     * @param session a session of a tracked endpoint
     * @param message text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report
     * @throws IllegalArgumentException if the session is not open on a tracked endpoint
     */
    CompletionStage<DeliveryReport> send(Session session, Object message);
}
