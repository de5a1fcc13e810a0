package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extension adds the checks only where MicroProfile Health's API loads. */
class HealthExtensionTest {

    @Test
    void theApiIsFoundWhereItIs() {
        assertThat(HealthExtension.available(HealthExtension.class.getClassLoader()))
                .isTrue();
    }

    @Test
    void theApiIsMissedWhereALoaderHidesIt() {
        ClassLoader withoutHealth = new ClassLoader(HealthExtension.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.eclipse.microprofile.health.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThat(HealthExtension.available(withoutHealth)).isFalse();
    }

    @Test
    void untilTheApplicationHasStartedReadinessIsDownAndLivenessUp() {
        HealthExtension extension = new HealthExtension();
        assertThat(new ReadinessCheck(extension).call()).satisfies(response -> {
            assertThat(response.getName()).isEqualTo("switchboard");
            assertThat(response.getStatus().name()).isEqualTo("DOWN");
            assertThat(response.getData().orElseThrow()).containsEntry("down", "starting");
        });
        assertThat(new LivenessCheck(extension).call()).satisfies(response -> {
            assertThat(response.getStatus().name()).isEqualTo("UP");
            assertThat(response.getData().orElseThrow()).containsEntry("sweeper", "idle");
        });
    }

    @Test
    void dataKeepsItsOrderAndMicroProfileHealthsValueTypes() {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("sessions", 3L);
        data.put("rooms", 2);
        data.put("draining", false);
        data.put("backplane", "local");
        assertThat(HealthChecks.response(new HealthReports.Report(true, data))
                        .getData()
                        .orElseThrow())
                .containsExactly(
                        java.util.Map.entry("sessions", 3L),
                        java.util.Map.entry("rooms", 2L),
                        java.util.Map.entry("draining", false),
                        java.util.Map.entry("backplane", "local"));
    }
}
