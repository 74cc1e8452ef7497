package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.Permission;
import dev.userkit.domain.User;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.TestKeys;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The application the README's curl walk-through runs against: the edge mounted, a {@code member}
 * role that may GET {@code /api/**}, the application's own {@code POST /verify} (the edge has no
 * verification route: umpack has none) which verifies the code and grants {@code member}, and a
 * servlet that greets the caller. Mail goes to a {@link RecordingMailer}, which stands in for the inbox.
 */
final class WalkthroughApp {
    final RecordingMailer mailer = new RecordingMailer();
    final UserKit kit = UserKit.builder().stores(InMemoryStores.create()).mailer(mailer)
            .config(UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.insecureForTestsOnly()).build())
            .build();

    WalkthroughApp() {
        kit.access().createRole("member", "every verified user");
        kit.access().addPermission("member", new Permission("read", "/api/**", Set.of(Verb.GET, Verb.HEAD)));
    }

    /** The web application, at the root context. */
    Map<String, ServletContainerInitializer> contexts() {
        HttpSettings settings = HttpSettings.builder().publicPaths("/verify").build();
        ServletContainerInitializer app = (classes, context) -> {
            UserKitHttp.create(kit, settings).mount(context);
            context.addServlet("verify", new Verify()).addMapping("/verify");
            context.addServlet("app", new Greeting()).addMapping("/");
        };
        return Map.of("", app);
    }

    /** {@code {"code": "..."}}: verifies the email and makes the user a member. */
    private final class Verify extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient JsonBodies bodies = new JsonBodies(4_096);

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                String code = bodies.fields(request, "code").get("code");
                if (code == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "code is required");
                User user = kit.accounts().verifyEmail(code);
                kit.access().grant(user.id(), "member");
                Responses.json(response, 200, Map.of("success", true, "userName", user.username().value()));
            } catch (UserKitException e) {
                Responses.error(response, e);
            } catch (JsonBodies.TooLarge e) {
                Responses.plain(response, 413, e.getMessage());
            }
        }
    }

    /** What the application behind the edge answers. */
    private static final class Greeting extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String who = RequestAttributes.user(request).map(u -> u.username().value()).orElse("stranger");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("hello " + who + " at " + request.getRequestURI());
        }
    }
}
