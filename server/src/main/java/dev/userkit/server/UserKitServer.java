package dev.userkit.server;

import dev.userkit.UserKit;
import dev.userkit.config.Settings;
import dev.userkit.http.HttpSettings;
import dev.userkit.http.UserKitHttp;
import dev.userkit.launch.Launch;
import dev.userkit.pages.PagesSettings;
import dev.userkit.pages.UserKitPages;
import dev.userkit.server.web.HomeRedirect;
import dev.userkit.server.web.WebServer;
import jakarta.servlet.ServletContext;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server: the store opened by {@link Launch} (the embedded PostgreSQL first, when chosen), the kit over it, the
 * root user, the web server with the HTTP edge and the pages (with the local inbox when there is
 * no SMTP), the outbox sender and the scheduled maintenance. {@link #close()} stops them
 * in the safe order: stop accepting and finish requests in flight (bounded by the grace period), stop
 * the maintenance, stop the outbox sender and make one last delivery pass, close the kit and its pool, stop the database.
 */
public final class UserKitServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserKitServer.class);
    private final UserKit kit;
    private final WebServer web;
    private final Deque<AutoCloseable> afterKit;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private UserKitServer(UserKit kit, WebServer web, Deque<AutoCloseable> afterKit) {
        this.kit = kit;
        this.web = web;
        this.afterKit = afterKit;
    }

    /**
     * Starts everything; on a failure closes what was started and rethrows.
     *
     * @param settings the server's settings
     * @param all every setting, for the store, SMTP and kit modules to read their own from
     * @param out where the root password is printed on first start, and the address once listening
     * @return the running server
     * @throws RuntimeException whatever failed to start, naming it
     */
    public static UserKitServer start(ServerSettings settings, Settings all, PrintStream out) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        UserKit kit = null;
        try {
            Launch launch = Launch.open(settings.launch(), all);
            opened.push(launch);
            MailRoute mail = MailRoute.choose(all);
            mail.closeable().ifPresent(opened::push);
            BoundLinks links = new BoundLinks();
            kit = launch.kit().mailer(mail.mailer()).links(links).build();
            RootAccount.ensure(kit, settings.launch(), out);
            PagesSettings pages = PagesSettings.defaults().withInbox(mail.inbox().orElse(null));
            List<String> open = new ArrayList<>(pages.publicPaths());
            open.add(WebServer.HEALTH_PATH + "/**");
            open.add("/");
            HttpSettings http = HttpSettings.builder().publicPaths(open.toArray(String[]::new)).build();
            UserKit edgeKit = kit;
            List<Consumer<ServletContext>> mounts = List.of(UserKitHttp.create(kit, http)::mount,
                    ctx -> UserKitPages.create(edgeKit, http, pages).mount(ctx),
                    ctx -> ctx.addServlet("userkit-home", new HomeRedirect("/pages/account")).addMapping(HomeRedirect.MAPPING));
            WebServer web = WebServer.start(settings.bind(), settings.port(), settings.shutdownGrace(), kit, mounts);
            links.bind(settings.linkBase(web.port()));
            kit.outbox().start();
            // the scheduled purge (W6): every instance schedules it, the store's lease lets one run at a time (REL-9)
            kit.maintenance().start();
            out.println("UserKit server listening on " + settings.linkBase(web.port()) + " (" + settings.launch().store().flagValue() + ")");
            out.flush();
            return new UserKitServer(kit, web, opened);
        } catch (RuntimeException e) {
            if (kit != null) closeQuietly(kit, e);
            while (!opened.isEmpty()) closeQuietly(opened.pop(), e);
            throw e;
        }
    }

    /**
     * The port listened on.
     *
     * @return the bound port
     */
    public int port() {
        return web.port();
    }

    /**
     * Blocks until {@link #close()} has finished.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops in the safe order (see the class comment). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LOG.info("UserKit server stopping");
        RuntimeException failure = null;
        try {
            web.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            kit.maintenance().stop();
            kit.outbox().stop();
            // mail queued by the last requests leaves now, or waits in the store for the next start
            kit.outbox().deliverPending();
        } catch (RuntimeException e) {
            LOG.warn("The last outbox pass failed; the messages stay queued for the next start", e);
        }
        try {
            kit.close();
        } catch (RuntimeException e) {
            if (failure == null) failure = e;
        }
        while (!afterKit.isEmpty()) {
            try {
                afterKit.pop().close();
            } catch (Exception e) {
                if (failure == null) failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        LOG.info("UserKit server stopped");
        stopped.countDown();
        if (failure != null) throw failure;
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException cause) {
        try {
            c.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
