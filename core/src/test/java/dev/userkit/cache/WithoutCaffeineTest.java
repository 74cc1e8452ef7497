package dev.userkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Caffeine is an optional dependency of core: a kit with the cache off must work without it on the
 * class path. Each test runs {@link CacheProbe} in a class loader over this test's class path less the
 * Caffeine jar.
 */
class WithoutCaffeineTest {

    @Test
    @DisplayName("with the validation cache off, a kit validates sessions without Caffeine on the class path")
    void cacheOffNeedsNoCaffeine() throws Exception {
        try (URLClassLoader loader = classPathWithoutCaffeine()) {
            assertThatThrownBy(() -> loader.loadClass("com.github.benmanes.caffeine.cache.Caffeine"))
                    .as("the loader really has no Caffeine").isInstanceOf(ClassNotFoundException.class);
            assertThat(probe(loader, false)).asString().isNotBlank();
        }
    }

    @Test
    @DisplayName("with the validation cache on, the same class path fails for want of Caffeine (the probe can tell)")
    void cacheOnNeedsCaffeine() throws Exception {
        try (URLClassLoader loader = classPathWithoutCaffeine()) {
            assertThatThrownBy(() -> probe(loader, true)).isInstanceOf(InvocationTargetException.class)
                    .cause().isInstanceOf(NoClassDefFoundError.class).hasMessageContaining("caffeine");
        }
    }

    private static Object probe(ClassLoader loader, boolean cacheOn) throws Exception {
        return loader.loadClass(CacheProbe.class.getName()).getMethod("validateOnce", boolean.class).invoke(null, cacheOn);
    }

    private static URLClassLoader classPathWithoutCaffeine() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!new File(entry).getName().startsWith("caffeine-")) urls.add(new File(entry).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
