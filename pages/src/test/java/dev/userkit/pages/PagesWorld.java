package dev.userkit.pages;

import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.http.HttpSettings;
import dev.userkit.http.UserKitHttp;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The application the pages' tests run against: the HTTP edge and the pages of one in-memory kit,
 * whose mail goes to a local inbox, mounted in embedded Jetty 12 on loopback, with a root user and
 * the admin role bootstrapped. One test-only filter in front pretends the peer is {@value #FAR_PEER}
 * when a request carries {@value #FAKE_PEER_HEADER}: the only way to be a non-loopback peer on a
 * loopback test.
 */
final class PagesWorld implements AutoCloseable {
    static final String ROOT = "root";
    static final String ROOT_PASSWORD = "the keeper lights seven lanterns";
    static final String FAKE_PEER_HEADER = "X-Test-Fake-Peer";
    static final String FAR_PEER = "203.0.113.9";

    final InboxMailer inbox = new InboxMailer(50, Clock.systemUTC());
    private final Server server = new Server();
    final UserKit kit;
    final String baseUrl;

    PagesWorld() throws Exception {
        // the port is known once Jetty listens, and the kit's mail links need it: they read it then
        AtomicReference<LinkBuilder> links = new AtomicReference<>(LinkBuilder.CODE_ONLY);
        UserKitConfig cfg = UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.insecureForTestsOnly())
                .addressFailureLimit(1_000_000).build();
        kit = UserKit.builder().stores(InMemoryStores.create()).config(cfg).mailer(inbox)
                .links((purpose, code) -> links.get().build(purpose, code)).build();
        kit.bootstrap().ensureRoot(ROOT, "root@example.com", ROOT_PASSWORD);

        PagesSettings pages = PagesSettings.defaults().withInbox(inbox);
        HttpSettings http = HttpSettings.builder().publicPaths(pages.publicPaths().toArray(String[]::new)).build();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServletContainerInitializer((classes, ctx) -> {
            ctx.addFilter("fake-peer", new FakePeer()).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
            UserKitHttp.create(kit, http).mount(ctx);
            UserKitPages.create(kit, http, pages).mount(ctx);
        });
        server.setHandler(context);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.start();
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
        links.set(UserKitPages.links(baseUrl));
    }

    /** Delivers the queued mail to the inbox now, as the outbox's background sender would. */
    void deliverMail() {
        kit.outbox().deliverPending();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        kit.close();
    }

    /** Test only: a request with {@value #FAKE_PEER_HEADER} seems to come from {@value #FAR_PEER}. */
    private static final class FakePeer extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                                jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
            if (request.getHeader(FAKE_PEER_HEADER) == null) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getRemoteAddr() { return FAR_PEER; }
            }, response);
        }
    }
}
