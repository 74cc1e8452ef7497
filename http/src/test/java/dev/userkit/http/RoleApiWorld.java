package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The application {@link RoleApiContract} runs against: two web applications on one container,
 * each over its own kit on fresh stores and mounted exactly as an application mounts the edge with
 * the default public routes and an application servlet on {@code /}. The root context runs without device control, {@code /dev} with it.
 * Neither kit has a root or a role: the tests bootstrap them over {@code POST /um/initialization}.
 */
final class RoleApiWorld {
    static final String PASSWORD = "granite otters sing at midnight";
    static final int MAX_BODY = 4_096;

    final MutableClock clock = MutableClock.standard();
    final UserKit kit;
    final UserKit devices;

    RoleApiWorld(Supplier<Stores> stores) {
        kit = kit(stores.get(), false);
        devices = kit(stores.get(), true);
        register(kit, "bob");
        register(kit, "meta");
        register(devices, "dave");
    }

    /** The two web applications: the context path and how it is set up. */
    Map<String, ServletContainerInitializer> contexts() {
        HttpSettings settings = HttpSettings.builder().maxBodyBytes(MAX_BODY).build();
        return Map.of("", initializer(kit, settings), "/dev", initializer(devices, settings));
    }

    /** A new session of a user of the root context's kit. */
    String login(String username, String password) {
        return kit.sessions().login(username, password, ClientContext.NONE).token();
    }

    private static ServletContainerInitializer initializer(UserKit kit, HttpSettings settings) {
        return (classes, context) -> {
            UserKitHttp.create(kit, settings).mount(context);
            context.addServlet("app", new App()).addMapping("/");
        };
    }

    /** The application's own paths behind the filters (Tomcat runs no filter for a path no servlet serves). */
    private static final class App extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("app".getBytes(StandardCharsets.UTF_8));
        }
    }

    private UserKit kit(Stores stores, boolean deviceControl) {
        UserKitConfig cfg = UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.insecureForTestsOnly())
                .activateOnSignup(true).deviceControl(deviceControl).build();
        return UserKit.builder().stores(stores).config(cfg).clock(clock).build();
    }

    private static void register(UserKit kit, String name) {
        kit.accounts().register(NewUser.builder(name, name + "@example.com").password(PASSWORD).build(), ClientContext.NONE);
    }
}
