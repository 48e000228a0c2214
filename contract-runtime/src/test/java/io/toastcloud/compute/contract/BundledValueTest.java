package io.toastcloud.compute.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One value of the bundled contract read without its tree: the same value, and nothing else loaded. */
class BundledValueTest {
    @Test
    void streamedValueIsTheTreesValue() {
        assertEquals(Contract.bundled().schema("Timestamp").path("pattern").asText(),
                BundledValue.streamed("components", "schemas", "Timestamp", "pattern"));
        assertEquals(Contract.bundled().document().path("openapi").asText(), BundledValue.streamed("openapi"));
        assertEquals(Contract.bundled().document().path("info").path("title").asText(),
                BundledValue.streamed("info", "title"));
    }

    @Test
    void anAbsentOrNonStringValueIsNamed() {
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> BundledValue.streamed("components", "schemas", "NoSuchSchema", "pattern"));
        assertTrue(absent.getMessage().contains("/components/schemas/NoSuchSchema/pattern"), absent.getMessage());
        assertThrows(IllegalStateException.class, () -> BundledValue.streamed("components", "schemas"));
    }

    /**
     * The generated models parse every timestamp with {@link ToastTimestamps}; a program that only
     * uses the models must not pay for the whole contract (issue 17). In a class loader of its own,
     * so that what this JVM's other tests loaded does not count.
     */
    @Test
    void parsingATimestampDoesNotBuildTheContract() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> timestamps = Class.forName(ToastTimestamps.class.getName(), true, loader);
            assertFalse(timestamps == ToastTimestamps.class, "not isolated");
            Object parsed = timestamps.getMethod("parse", String.class).invoke(null, "2017-05-16T02:17:50.166563");
            assertEquals(Instant.parse("2017-05-16T02:17:50.166563Z"), parsed);
            Field bundled = Class.forName(Contract.class.getName(), true, loader).getDeclaredField("bundled");
            bundled.setAccessible(true);
            assertNull(bundled.get(null), "ToastTimestamps built the whole contract");
        }
    }
}
