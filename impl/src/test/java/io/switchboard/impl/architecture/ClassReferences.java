package io.switchboard.impl.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes each compiled class refers to, read from its constant pool: every {@code CONSTANT_Class} entry
 * (what the code calls, creates, casts to, catches) and every class named inside a {@code CONSTANT_Utf8} entry
 * (field and method descriptors, generic signatures, annotation types). That is every reference the compiler
 * leaves in a class file. It misses what the compiler folds away: a {@code static final} constant of another
 * class is copied in by value, so using {@code Other.NAME} leaves no trace of {@code Other}.
 *
 * <p>Hand-written rather than ArchUnit's: forty lines of JVMS §4.4 read the same graph with no new dependency for
 * the build to fetch, and the tests that use it need nothing but packages and edges.
 */
final class ClassReferences {

    /** A class named in a descriptor or signature: {@code Lio/switchboard/impl/room/Room;} or {@code ...<}. */
    private static final Pattern NAMED = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {}

    /**
     * Reads every class under a class-path root (a folder or a jar).
     *
     * @param anyClass a class loaded from that root
     * @return for each class (binary name, {@code a.b.C$D}) the binary names of the classes it refers to
     */
    static Map<String, Set<String>> of(Class<?> anyClass) {
        try {
            Path location = Path.of(
                    anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return read(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return read(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Set<String>> read(Path root) throws IOException {
        Map<String, Set<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.endsWith("module-info.class") || name.endsWith("package-info.class")) {
                    continue;
                }
                references.put(
                        name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                        referencesOf(Files.readAllBytes(file)));
            }
        }
        return references;
    }

    /** JVMS §4.4: walk the constant pool, keep class entries and the class names inside UTF-8 entries. */
    private static Set<String> referencesOf(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classEntries = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classEntries.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, Dynamic
                case 5, 6 -> {
                    in.readLong(); // Long and Double take two slots
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classEntries) {
            String name = utf8[index];
            // An array class entry is written as a descriptor ("[Lx/Y;"); the pattern below finds its element.
            if (!name.startsWith("[")) {
                names.add(name.replace('/', '.'));
            }
        }
        for (String text : utf8) {
            if (text != null) {
                Matcher m = NAMED.matcher(text);
                while (m.find()) {
                    names.add(m.group(1).replace('/', '.'));
                }
            }
        }
        return names;
    }

    /**
     * The package of a binary class name.
     *
     * @param className such as {@code io.switchboard.impl.room.Room$Member}
     * @return such as {@code io.switchboard.impl.room}
     */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
