package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.Device;
import dev.userkit.domain.Permission;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The application the edge tests run against: three web applications on one container, each over its
 * own kit, whose stores come from a supplier (in memory, or {@link PostgresTestStores} for PostgreSQL). The root context trusts proxies on 127.0.0.0/8 that set X-Forwarded-For and
 * allows one foreign origin; {@code /dev} runs device control and trusts no proxy; {@code /fwd} (on
 * the root's kit) trusts proxies that set RFC 7239's Forwarded. Behind the filters an echo servlet answers
 * 200 with what it was dispatched and what the filters left on the request; {@code /boom} throws.
 */
final class EdgeWorld {
    static final String PASSWORD = "granite otters sing at midnight";
    static final String ALLOWED_ORIGIN = "https://app.example.com";
    static final int LOGIN_LIMIT = 3;
    static final int MAX_BODY = 4_096;

    final MutableClock clock = MutableClock.standard();
    final RecordingMailer mail = new RecordingMailer();
    final UserKit kit;
    final UserKit devices;

    /** The world on in-memory stores. */
    EdgeWorld() {
        this(InMemoryStores::create);
    }

    /** The world on stores from {@code stores}: one fresh set per kit. */
    EdgeWorld(Supplier<Stores> stores) {
        kit = kit(stores.get(), false);
        devices = kit(stores.get(), true);
        kit.access().createRole("reader", "");
        kit.access().addPermission("reader", new Permission("read", "/api/**", Set.of(Verb.GET, Verb.HEAD)));
        kit.access().addPermission("reader", new Permission("order", "/api/orders", Set.of(Verb.POST)));
        kit.access().createRole("all", "");
        kit.access().addPermission("all", new Permission("all", "/**", EnumSet.allOf(Verb.class)));
        kit.access().grant(register(kit, "alice"), "reader");
        kit.access().grant(register(kit, "carol"), "all");
        register(kit, "bob");
        register(kit, "victim");
        devices.access().createRole("all", "");
        devices.access().addPermission("all", new Permission("all", "/**", EnumSet.allOf(Verb.class)));
        devices.access().grant(register(devices, "dave"), "all");
    }

    /** The three web applications: the context path and how it is set up. */
    Map<String, ServletContainerInitializer> contexts() {
        HttpSettings root = HttpSettings.builder().trustedProxies("127.0.0.0/8").allowedOrigins(ALLOWED_ORIGIN)
                .publicPaths("/public/**").maxBodyBytes(MAX_BODY).build();
        HttpSettings dev = HttpSettings.builder().publicPaths("/public/**").build();
        HttpSettings rfc7239 = HttpSettings.builder().trustedProxies("127.0.0.0/8").forwardedHeader(HttpSettings.FORWARDED)
                .publicPaths("/public/**").build();
        return Map.of("", initializer(kit, root), "/dev", initializer(devices, dev), "/fwd", initializer(kit, rfc7239));
    }

    /** A new session of a user of the root kit. */
    String login(String username) {
        return kit.sessions().login(username, PASSWORD, ClientContext.NONE).token();
    }

    /**
     * A session of dave on the device-control kit, from a device an admin has permitted: the first
     * login from a new device only records it (806).
     */
    String deviceSession(String device) {
        UserId dave = devices.accounts().findByUsername("dave").orElseThrow().id();
        try {
            devices.sessions().login("dave", PASSWORD, ClientContext.NONE.withDeviceToken(device));
        } catch (UserKitException firstTimeRecordsTheDevice) {
            if (firstTimeRecordsTheDevice.code() != ErrorCode.DEVICE_DENIED) throw firstTimeRecordsTheDevice;
        }
        for (Device d : devices.devices().list(dave)) devices.devices().permit(d.id());
        return devices.sessions().login("dave", PASSWORD, ClientContext.NONE.withDeviceToken(device)).token();
    }

    static ServletContainerInitializer initializer(UserKit kit, HttpSettings settings) {
        return (classes, context) -> {
            UserKitHttp.create(kit, settings).mount(context);
            context.addServlet("echo", new Echo()).addMapping("/");
        };
    }

    private UserKit kit(Stores stores, boolean deviceControl) {
        UserKitConfig cfg = UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.insecureForTestsOnly())
                .activateOnSignup(true).deviceControl(deviceControl).loginFailureLimit(LOGIN_LIMIT).addressFailureLimit(1_000_000)
                .build();
        return UserKit.builder().stores(stores).config(cfg).clock(clock).mailer(mail).build();
    }

    private static UserId register(UserKit kit, String name) {
        return kit.accounts().register(NewUser.builder(name, name + "@example.com").password(PASSWORD).build(), ClientContext.NONE).userId();
    }

    /** What the application behind the filters sees. */
    private static final class Echo extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            if (path.equals("/boom")) throw new IllegalStateException("secret internals at dev.userkit.Boom");
            var client = RequestAttributes.client(request);
            String user = RequestAttributes.user(request).map(u -> u.username().value()).orElse("-");
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("echo user=" + user + " path=" + path + " address=" + client.address()
                    + " locale=" + (client.locale() == null ? "-" : client.locale().toLanguageTag())).getBytes(StandardCharsets.UTF_8));
        }
    }
}
