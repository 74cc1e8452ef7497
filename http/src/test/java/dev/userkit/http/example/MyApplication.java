package dev.userkit.http.example;

import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.http.HttpSettings;
import dev.userkit.http.RequestAttributes;
import dev.userkit.http.UserKitHttp;
import dev.userkit.memory.InMemoryStores;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** The README's "mount it in a dozen lines": the code between the markers is the README's, word for word. */
public final class MyApplication implements ServletContainerInitializer {
    /** The root password the tests log in with. */
    public static final String ROOT_PASSWORD_FOR_TESTS = "correct horse battery staple at noon";

    // readme:start
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        UserKit kit = UserKit.builder()
                .stores(InMemoryStores.create())   // or a PostgreSQL, MariaDB or MongoDB store
                .config(UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, serverKey()), 1)).build())
                .build();
        kit.bootstrap().ensureRoot("root", "root@example.com", rootPassword());
        HttpSettings settings = HttpSettings.builder()
                .trustedProxies("10.0.0.0/8")
                .allowedOrigins("https://app.example.com")
                .publicPaths("/", "/public/**")
                .build();
        UserKitHttp.create(kit, settings).mount(context);
        context.addServlet("app", new AppServlet()).addMapping("/");
    }
    // readme:end

    /** Your secret store gives the key; 32 bytes or more. */
    private static byte[] serverKey() {
        return "an example server key of 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    }

    private static String rootPassword() {
        return ROOT_PASSWORD_FOR_TESTS;
    }

    /** The application: it reads who is calling from the request. */
    static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String who = RequestAttributes.user(request).map(u -> u.username().value()).orElse("stranger");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("hello " + who);
        }
    }
}
