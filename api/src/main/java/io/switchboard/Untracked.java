package io.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a {@code @ServerEndpoint} class alone: the container deploys it as if Switchboard were absent,
 * and it gets no tracking, limits or metrics. The configuration key
 * {@code switchboard.<endpoint-id>.enabled=false} does the same without touching the code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Untracked {}
