package io.switchboard.impl.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the OpenTelemetry API is absent (Weld SE, a server without MicroProfile Telemetry), the classes the rest of
 * impl uses load and resolve every signature, and the lookup answers "no tracing" instead of failing.
 */
class WithoutOpenTelemetryTest {

    /** Defines the tracing package's classes itself and hides the OpenTelemetry API. */
    private static final class WithoutApi extends ClassLoader {
        WithoutApi() {
            super(WithoutOpenTelemetryTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.opentelemetry.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith(SwitchboardTracing.class.getPackageName() + ".") || name.endsWith("Test")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> found = findLoadedClass(name);
                if (found == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        found = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return found;
            }
        }
    }

    @Test
    void theApiIsHidden() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Class.forName("io.opentelemetry.api.OpenTelemetry", false, new WithoutApi()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noOpenTelemetryTypeInWhatImplUses() throws Exception {
        ClassLoader loader = new WithoutApi();
        for (Class<?> used : List.of(
                SwitchboardTracing.class,
                EndpointTracing.class,
                TraceSpan.class,
                BroadcastTrace.class,
                TraceBackend.class)) {
            Class<?> hidden = Class.forName(used.getName(), true, loader);
            assertThat(hidden.getClassLoader()).isSameAs(loader);
            hidden.getDeclaredMethods(); // resolves every parameter and return type
            hidden.getDeclaredFields();
            hidden.getDeclaredConstructors();
        }
        Class<?> tracing = Class.forName(SwitchboardTracing.class.getName(), true, loader);
        Method lookup = tracing.getDeclaredMethod("lookup", jakarta.enterprise.inject.Instance.class);
        lookup.setAccessible(true);
        assertThat(lookup.invoke(null, (Object) null)).as("no tracing").isNull();
    }
}
