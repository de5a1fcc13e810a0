package io.switchboard.impl.testing;

import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the {@code @ServerEndpoint} classes of packages, as a container's annotation scan would. */
final class PackageScanner {

    private PackageScanner() {}

    static Set<Class<?>> endpoints(Class<?>... packages) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> type : classes(packages)) {
            if (type.isAnnotationPresent(ServerEndpoint.class)) {
                found.add(type);
            }
        }
        return found;
    }

    static Set<Class<? extends ServerApplicationConfig>> applicationConfigs(Class<?>... packages) {
        Set<Class<? extends ServerApplicationConfig>> found = new LinkedHashSet<>();
        for (Class<?> type : classes(packages)) {
            if (ServerApplicationConfig.class.isAssignableFrom(type) && !type.isInterface()) {
                found.add(type.asSubclass(ServerApplicationConfig.class));
            }
        }
        return found;
    }

    private static Set<Class<?>> classes(Class<?>... packages) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (Class<?> marker : packages) {
            for (String name : classNames(marker)) {
                try {
                    found.add(Class.forName(name, false, marker.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    private static Set<String> classNames(Class<?> marker) {
        String path = marker.getPackageName().replace('.', '/');
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> roots = marker.getClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("jar")) {
                    try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                        jar.stream()
                                .map(e -> e.getName())
                                .filter(n -> n.startsWith(path + "/")
                                        && n.endsWith(".class")
                                        && n.indexOf('/', path.length() + 1) < 0)
                                .forEach(n ->
                                        names.add(n.substring(0, n.length() - 6).replace('/', '.')));
                    }
                } else {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith(".class"))
                                .forEach(
                                        n -> names.add(marker.getPackageName() + "." + n.substring(0, n.length() - 6)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
