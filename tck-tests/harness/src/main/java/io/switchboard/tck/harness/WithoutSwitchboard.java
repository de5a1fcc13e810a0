package io.switchboard.tck.harness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deploys the test class's archives as they are, without Switchboard in {@code WEB-INF/lib}: the plain baseline
 * for tests that prove an endpoint behaves the same with and without Switchboard. Inherited, so a subclass of an
 * annotated scenario class is plain too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutSwitchboard {}
