package io.switchboard;

/**
 * A member of a room anywhere in the cluster, as the backplane shares it: which node holds the session, and what
 * Switchboard knows of it there. On a single node every member is local and {@link #node()} is this node's id.
 *
 * @param node       the id of the node the session is open on
 * @param sessionId  the session's id on that node
 * @param endpointId the id of the session's endpoint
 * @param principal  the name of the session's principal, or {@code null} for an anonymous session
 */
public record ClusterMember(String node, String sessionId, String endpointId, String principal) {}
