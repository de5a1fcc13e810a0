package io.switchboard.impl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.OpenSessions;
import io.switchboard.impl.config.Settings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies point one way: no cycle among the packages of {@code impl}, and nothing in {@code api}
 * refers to {@code impl}. A cycle means two features cannot be understood, tested or replaced apart; the failure
 * lists every cycle (each strongly connected set of packages) with the class references that close it.
 *
 * <p>Reads the compiled classes (see {@link ClassReferences} for what a class file keeps); a reference that the
 * compiler folds away, a {@code static final} constant, is not seen.
 */
class PackageDependenciesTest {

    private static final String IMPL = "io.switchboard.impl";

    @Test
    void implPackagesFormNoCycle() {
        Map<String, Set<String>> classes = ClassReferences.of(Settings.class);
        // package -> package -> the class references behind that edge, for the message
        Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
        classes.forEach((from, targets) -> {
            String fromPackage = ClassReferences.packageOf(from);
            for (String to : targets) {
                String toPackage = ClassReferences.packageOf(to);
                if (classes.containsKey(to) && !toPackage.equals(fromPackage) && fromPackage.startsWith(IMPL)) {
                    edges.computeIfAbsent(fromPackage, p -> new TreeMap<>())
                            .computeIfAbsent(toPackage, p -> new TreeSet<>())
                            .add(simple(from) + " → " + simple(to));
                }
            }
        });

        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() > 1) {
                StringBuilder text = new StringBuilder(String.join(", ", component)).append(':');
                for (String from : component) {
                    edges.getOrDefault(from, Map.of()).forEach((to, why) -> {
                        if (component.contains(to)) {
                            text.append("\n    ")
                                    .append(from)
                                    .append(" → ")
                                    .append(to)
                                    .append(": ")
                                    .append(why);
                        }
                    });
                }
                cycles.add(text.toString());
            }
        }
        assertThat(cycles).as("package cycles in impl").isEmpty();
    }

    /**
     * The packages every feature uses stay at the bottom: a dependency from one of them on a feature is not a cycle
     * yet, but the first use of it back makes one (as {@code metrics.Rejection} reading {@code security} would have).
     */
    @Test
    void bottomPackagesDependOnNoFeature() {
        Map<String, Set<String>> allowed = Map.of(
                IMPL + ".cdi", Set.of(),
                IMPL + ".config", Set.of(),
                IMPL + ".metrics", Set.of(IMPL + ".config"));
        List<String> wrong = new ArrayList<>();
        ClassReferences.of(Settings.class).forEach((from, targets) -> {
            Set<String> mayUse = allowed.get(ClassReferences.packageOf(from));
            if (mayUse != null) {
                targets.stream()
                        .filter(to -> to.startsWith(IMPL + "."))
                        .map(ClassReferences::packageOf)
                        .filter(to -> !to.equals(ClassReferences.packageOf(from)) && !mayUse.contains(to))
                        .distinct()
                        .forEach(to -> wrong.add(simple(from) + " → " + to));
            }
        });
        assertThat(wrong).as("bottom packages depending on features").isEmpty();
    }

    @Test
    void apiRefersToNoImplementation() {
        Map<String, Set<String>> api = ClassReferences.of(OpenSessions.class);
        assertThat(api).as("api classes read").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        api.forEach((from, targets) ->
                targets.stream().filter(to -> to.startsWith(IMPL + ".")).forEach(to -> wrong.add(from + " → " + to)));
        assertThat(wrong).as("api classes referring to impl").isEmpty();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Tarjan's algorithm: each set of packages that all reach one another. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(targets -> nodes.addAll(targets.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                visit(node, edges, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void visit(
            String node,
            Map<String, Map<String, Set<String>>> edges,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                visit(next, edges, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
