package io.toastcloud.compute.client;

import io.toastcloud.compute.api.InstanceApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every generated API interface of {@code io.toastcloud.compute.api}, found where the generated
 * classes are (a directory or a jar), so that a new tag of the contract is included without a
 * line here.
 */
final class GeneratedApis {
    private static final String PACKAGE = InstanceApi.class.getPackageName();

    private GeneratedApis() {
    }

    static List<Class<?>> all() {
        try {
            Path root = Path.of(InstanceApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                return in(root.resolve(PACKAGE.replace('.', '/')));
            }
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                return in(jar.getPath(PACKAGE.replace('.', '/')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> in(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .sorted().<Class<?>>map(n -> load(PACKAGE + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(Class::isInterface).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
